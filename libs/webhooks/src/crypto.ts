import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

type Bytes = Buffer | string;

/** HMAC over the parts in order; strings count as their UTF-8 bytes. */
export function hmac(algorithm: 'sha1' | 'sha256', key: Bytes, ...parts: Bytes[]): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

export function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Constant time for equal lengths; the length of a signature is no secret, so a mismatch is simply no match. */
export function safeEqual(received: Bytes, expected: Bytes): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
