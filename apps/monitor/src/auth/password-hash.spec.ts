import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('stores scrypt parameters, a 16-byte salt and the hash, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect({ scheme, N, r, p }).toEqual({ scheme: 'scrypt', N: '16384', r: '8', p: '1' });
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batter', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it.each([
    ['not scrypt', 'bcrypt$2b$10$abc'],
    ['a tampered hash', null],
    ['a cut-off hash', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['an empty hash', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$='],
  ])('refuses %s', async (_label, stored) => {
    const valid = await hashPassword('pw');
    const tampered = valid.slice(0, -4) + (valid.endsWith('AAA=') ? 'BBB=' : 'AAA=');
    await expect(verifyPassword('pw', stored ?? tampered)).resolves.toBe(false);
  });
});
