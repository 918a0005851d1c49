import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPii, maskIdNumber, maskName, maskPhone } from './pii.ts';

describe('personal data', () => {
  const pii = createPii(randomBytes(32));

  it('encrypts with a fresh nonce each time and decrypts back', () => {
    const a = pii.encrypt('13812345678');
    const b = pii.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(pii.decrypt(a)).toBe('13812345678');
  });

  it('refuses a tampered ciphertext', () => {
    const stored = pii.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => pii.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('hashes for lookup: stable, keyed, kind-separated, case-insensitive for X', () => {
    expect(pii.lookupHash('phone', '13812345678')).toBe(pii.lookupHash('phone', '13812345678'));
    expect(pii.lookupHash('phone', '13812345678')).not.toBe(createPii(randomBytes(32)).lookupHash('phone', '13812345678'));
    expect(pii.lookupHash('phone', '13812345678')).not.toBe(pii.lookupHash('id', '13812345678'));
    expect(pii.lookupHash('id', '11010519491231002x')).toBe(pii.lookupHash('id', '11010519491231002X'));
  });

  it('masks as DOMAIN.md says', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskName('王淑芬')).toBe('王**');
    expect(maskName('王')).toBe('*');
  });
});
