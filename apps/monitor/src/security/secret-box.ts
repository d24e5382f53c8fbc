import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** v1: version, IV, tag, ciphertext. v2 adds the sealing key's id after the version, so a keyring knows which. */
const V1 = 1;
const V2 = 2;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

interface Key {
  id: Buffer;
  secret: Buffer;
}

function keyOf(secret: Buffer): Key {
  if (secret.length !== 32) throw new Error('SecretBox needs 32-byte keys');
  // The id names a key without revealing it: a truncated hash under a fixed label.
  return {
    id: createHash('sha256').update('ihm-secret-box-key').update(secret).digest().subarray(0, KEY_ID_BYTES),
    secret,
  };
}

/**
 * AES-256-GCM for stored credentials. Seals under the current key; opens with it or any of the decryption keys,
 * so that a key can be rotated while the monitor runs (`npm run secrets:rotate`).
 */
export class SecretBox {
  private readonly current: Key;
  private readonly keys: readonly Key[];

  constructor(current: Buffer, decryptionKeys: readonly Buffer[] = []) {
    this.current = keyOf(current);
    this.keys = [this.current, ...decryptionKeys.map(keyOf)];
  }

  seal(value: unknown): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.secret, iv);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([V2]), this.current.id, iv, cipher.getAuthTag(), ciphertext]);
  }

  open(sealed: Uint8Array): unknown {
    const data = Buffer.from(sealed);
    if (data[0] === V2) {
      const id = data.subarray(1, 1 + KEY_ID_BYTES);
      const key = this.keys.find((candidate) => candidate.id.equals(id));
      const value = key && decrypt(key.secret, data.subarray(1 + KEY_ID_BYTES));
      if (value !== undefined) return value;
    } else if (data[0] === V1) {
      // No key id: the authentication tag tells which key it was.
      for (const key of this.keys) {
        const value = decrypt(key.secret, data.subarray(1));
        if (value !== undefined) return value;
      }
    } else {
      throw new SecretBoxError('unknown secret format');
    }
    throw new SecretBoxError('stored credentials cannot be decrypted with ENCRYPTION_KEY or DECRYPTION_KEYS');
  }

  /** Whether a sealed value is under the current key already: what rotation skips. */
  isCurrent(sealed: Uint8Array): boolean {
    const data = Buffer.from(sealed);
    return data[0] === V2 && data.subarray(1, 1 + KEY_ID_BYTES).equals(this.current.id);
  }
}

/** The monitor's box: its current key and the keys a rotation moves away from. */
export function secretBoxFor(keys: { encryptionKey: Buffer; decryptionKeys?: readonly Buffer[] }): SecretBox {
  return new SecretBox(keys.encryptionKey, keys.decryptionKeys);
}

/** IV, tag, ciphertext → the value, or undefined when this key did not seal it. */
function decrypt(key: Buffer, data: Buffer): unknown {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
