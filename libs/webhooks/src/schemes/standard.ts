// Standard Webhooks (https://www.standardwebhooks.com/): `v1,<base64>` of `${id}.${timestamp}.${body}`.
import { hmac, safeEqual } from '../crypto';
import { bytesOf, headerOf } from '../request';
import { dateOf, fresh, mismatch, missing, unixNow, unixSeconds } from '../verdict';
import { type Scheme, secretOf } from './scheme';

const ID = 'webhook-id';
const TIMESTAMP = 'webhook-timestamp';
const SIGNATURE = 'webhook-signature';

/** The secret is base64 key bytes, usually behind a `whsec_` prefix. */
function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

function signature(secret: string, id: string, seconds: number, body: Buffer): string {
  return hmac('sha256', keyOf(secret), `${id}.${seconds}.`, body).toString('base64');
}

export const standard: Scheme = {
  signatureHeaders: () => [SIGNATURE],
  deliveryId: (request) => headerOf(request, ID),
  verify(config, request, now) {
    const signatures = headerOf(request, SIGNATURE);
    if (signatures === null) return missing(SIGNATURE);
    const timestamp = headerOf(request, TIMESTAMP);
    if (timestamp === null) return missing(TIMESTAMP);
    const id = headerOf(request, ID);
    if (id === null) return missing(ID);
    const seconds = unixSeconds(timestamp);
    if (seconds === null) return mismatch(TIMESTAMP);
    const expected = signature(secretOf(config), id, seconds, request.body);
    const matched = signatures
      .split(' ')
      .some((entry) => entry.startsWith('v1,') && safeEqual(entry.slice('v1,'.length), expected));
    if (!matched) return mismatch(SIGNATURE, dateOf(seconds));
    return fresh(TIMESTAMP, seconds, config.toleranceSeconds, now);
  },
  sign(config, request, now, deliveryId) {
    const seconds = unixNow(now);
    return {
      [ID]: deliveryId,
      [TIMESTAMP]: String(seconds),
      [SIGNATURE]: `v1,${signature(config.secret, deliveryId, seconds, bytesOf(request.body))}`,
    };
  },
};
