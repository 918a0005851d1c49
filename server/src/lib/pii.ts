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
  /** A keyed MAC for short-lived tokens (check-in QR codes), from its own derived key. */
  tokenMac(data: string): string;
}

const VERSION = 'v1';

// IVs are cut from random bytes drawn 4 KiB at a time: one call into the CSPRNG per ~340
// encryptions instead of one each (imports encrypt millions of numbers).
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + 12 > ivPool.length) {
    ivPool = randomBytes(4096);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

export function createPii(masterKey: Buffer): Pii {
  if (masterKey.length !== 32) throw new Error('the PII master key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin pii encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin pii lookup', 32));
  const tokenKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin tokens', 32));
  return {
    encrypt(plain) {
      const iv = nextIv();
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
    tokenMac(data) {
      return createHmac('sha256', tokenKey).update(data).digest('base64url').slice(0, 22);
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
