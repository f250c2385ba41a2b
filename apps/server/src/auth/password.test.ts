import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('ascolta-demo');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('ascolta-demo', stored)).toBe(true);
    expect(await verifyPassword('ascolta-dem0', stored)).toBe(false);
  });

  it('salts every hash and rejects a malformed one', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
