import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box';

describe(SecretBox.name, () => {
  const sut = new SecretBox(randomBytes(32));

  it('round-trips a value and never stores it in clear', () => {
    const sealed = sut.seal({ token: 'super-secret-token' });
    expect(sealed.toString('latin1')).not.toContain('super-secret-token');
    expect(sut.open(sealed)).toEqual({ token: 'super-secret-token' });
  });

  it('uses a fresh IV each time', () => {
    expect(sut.seal('x').equals(sut.seal('x'))).toBe(false);
  });

  it('refuses a tampered ciphertext and a wrong key', () => {
    const sealed = sut.seal({ a: 1 });
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => sut.open(tampered)).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow(SecretBoxError);
  });
});
