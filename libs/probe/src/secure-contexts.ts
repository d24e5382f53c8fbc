import { createHash } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { TlsOptions } from './timed-connector';

/** Distinct trust and client-certificate settings kept at once; beyond it the least recently used goes. */
const MAX_CONTEXTS = 1000;
const contexts = new Map<string, SecureContext>();

const text = (value: string | Buffer) => (typeof value === 'string' ? value : value.toString('latin1'));

/**
 * One TLS context per distinct set of settings (trusted CAs, client certificate), shared by every probe that uses
 * it. Building a context costs about as much CPU as a handshake (OpenSSL 3); sharing it leaves each probe its own
 * full handshake, since clients here keep no sessions. Throws what createSecureContext throws (a bad key).
 */
export function sharedSecureContext(tls: TlsOptions): SecureContext {
  const ca = tls.ca === undefined ? [] : [tls.ca].flat().map(text);
  const key = createHash('sha256')
    .update(JSON.stringify([ca, tls.cert ?? null, tls.key ?? null, tls.passphrase ?? null]))
    .digest('base64');
  const kept = contexts.get(key);
  if (kept) {
    contexts.delete(key);
    contexts.set(key, kept);
    return kept;
  }
  const context = createSecureContext({
    ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
    ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
    ...(tls.key !== undefined ? { key: tls.key } : {}),
    ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}),
  });
  contexts.set(key, context);
  if (contexts.size > MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
  return context;
}
