// Personal data at rest: AES-256-GCM to store, a keyed hash (HMAC-SHA-256) to look up,
// masks to show. Both keys derive from one 32-byte master key (LIANXIN_PII_KEY).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Stable keyed hash for equality lookups; `kind` keeps phone and ID hashes apart. */
  lookupHash(kind: 'phone' | 'id', value: string): string;
}

const VERSION = 'v1';

export function createPii(masterKey: Buffer): Pii {
  if (masterKey.length !== 32) throw new Error('the PII master key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin pii encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin pii lookup', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, payload] = stored.split(':');
      if (version !== VERSION || !payload) throw new Error('unknown PII ciphertext version');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(kind, value) {
      return createHmac('sha256', macKey).update(`${kind}:${value.toUpperCase()}`).digest('hex');
    },
  };
}

/**
 * The master key: LIANXIN_PII_KEY when set; otherwise a key generated once into the data
 * folder (the embedded default), so a local install keeps reading its own data.
 */
export function loadMasterKey(configured: string | undefined, dataDir: string): { key: Buffer; source: 'env' | 'file' | 'generated' } {
  if (configured) return { key: Buffer.from(configured, 'base64'), source: 'env' };
  const file = path.join(dataDir, 'pii.key');
  if (fs.existsSync(file)) return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), source: 'file' };
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { key, source: 'generated' };
}

// Masks (DOMAIN.md: phone 3+4+4, ID 4+10+4, name first character + *).
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}` : '*'.repeat(id.length);
}

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
