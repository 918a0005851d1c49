import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, isStrongPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('verifies the right password only, with a salt per hash', async () => {
    const stored = await hashPassword('Lianxin2026');
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('Lianxin2026', stored)).toBe(true);
    expect(await verifyPassword('lianxin2026', stored)).toBe(false);
    expect(await hashPassword('Lianxin2026')).not.toBe(stored);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('asks for 8+ characters with letters and digits', () => {
    expect(isStrongPassword('abc12345')).toBe(true);
    expect(isStrongPassword('abcdefgh')).toBe(false);
    expect(isStrongPassword('12345678')).toBe(false);
    expect(isStrongPassword('ab12')).toBe(false);
    for (let i = 0; i < 20; i += 1) expect(isStrongPassword(generatePassword())).toBe(true);
  });
});
