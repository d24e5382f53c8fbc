import { createCipheriv, randomBytes } from 'node:crypto';
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

describe('SecretBox key rotation', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  /** The format before key ids: version 1, IV, tag, ciphertext. */
  function sealV1(key: Buffer, value: unknown): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), ciphertext]);
  }

  it.each([
    ['sealed under the old key', () => new SecretBox(oldKey).seal({ a: 1 })],
    ['in the format without a key id', () => sealV1(oldKey, { a: 1 })],
  ])('opens a secret %s with a decryption key, and seals under the current one', (_label, seal) => {
    const sealed = seal();
    const rotating = new SecretBox(newKey, [oldKey]);
    expect(rotating.open(sealed)).toEqual({ a: 1 });
    expect(rotating.isCurrent(sealed)).toBe(false);
    const resealed = rotating.seal({ a: 1 });
    expect(rotating.isCurrent(resealed)).toBe(true);
    expect(new SecretBox(newKey).open(resealed)).toEqual({ a: 1 });
    expect(() => new SecretBox(oldKey).open(resealed)).toThrow(SecretBoxError);
  });

  it('opens the old format under the current key, and calls it not current', () => {
    const sealed = sealV1(newKey, 'x');
    const box = new SecretBox(newKey);
    expect(box.open(sealed)).toBe('x');
    expect(box.isCurrent(sealed)).toBe(false);
  });

  it('refuses what no key of the ring sealed, and a truncated value', () => {
    const stranger = new SecretBox(randomBytes(32)).seal('x');
    expect(() => new SecretBox(newKey, [oldKey]).open(stranger)).toThrow(
      /cannot be decrypted with ENCRYPTION_KEY or DECRYPTION_KEYS/,
    );
    expect(() => new SecretBox(newKey).open(stranger.subarray(0, 12))).toThrow(SecretBoxError);
    expect(() => new SecretBox(newKey).open(Buffer.from([9, 1, 2]))).toThrow('unknown secret format');
  });
});
