import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Standard Webhooks asks for 24 to 64 random bytes; 32 is the HMAC-SHA256 block's natural key size. */
const SECRET_BYTES = 32;

// A type, not an interface: it is passed on as a plain record of headers.
export type WebhookSignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** `whsec_` and base64: the form Standard Webhooks secrets are shown in. A masked secret is not one. */
export function isWebhookSecret(secret: string): boolean {
  return secret.startsWith(PREFIX) && BASE64.test(secret.slice(PREFIX.length));
}

export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The Standard Webhooks headers for one attempt: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`,
 * keyed with the secret's decoded bytes. `at` is the attempt's time (unix seconds), not the event's: a retry
 * is signed anew so that it passes the receiver's replay window.
 */
export function signWebhook(secret: string, id: string, at: Date, body: string): WebhookSignatureHeaders {
  if (!isWebhookSecret(secret)) throw new Error('a webhook secret is whsec_ followed by base64');
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const timestamp = Math.floor(at.getTime() / 1000).toString();
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
