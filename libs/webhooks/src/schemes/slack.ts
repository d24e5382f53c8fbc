// Slack: `X-Slack-Signature: v0=<hex>` of `v0:${X-Slack-Request-Timestamp}:${body}`.
import { hmac, safeEqual } from '../crypto';
import { bytesOf, headerOf, jsonFieldOf } from '../request';
import { dateOf, fresh, mismatch, missing, unixNow, unixSeconds } from '../verdict';
import { type Scheme, secretOf } from './scheme';

const SIGNATURE = 'X-Slack-Signature';
const TIMESTAMP = 'X-Slack-Request-Timestamp';

const signature = (secret: string, timestamp: string, body: Buffer): string =>
  `v0=${hmac('sha256', secret, `v0:${timestamp}:`, body).toString('hex')}`;

export const slack: Scheme = {
  signatureHeaders: () => [SIGNATURE.toLowerCase()],
  // Events API bodies carry an event id; slash commands and interactions (form bodies) have none.
  deliveryId: (request) => jsonFieldOf(request.body, 'event_id'),
  verify(config, request, now) {
    const received = headerOf(request, SIGNATURE);
    if (received === null) return missing(SIGNATURE);
    const timestamp = headerOf(request, TIMESTAMP);
    if (timestamp === null) return missing(TIMESTAMP);
    const seconds = unixSeconds(timestamp);
    if (seconds === null) return mismatch(TIMESTAMP);
    if (!safeEqual(received, signature(secretOf(config), timestamp, request.body))) {
      return mismatch(SIGNATURE, dateOf(seconds));
    }
    return fresh(TIMESTAMP, seconds, config.toleranceSeconds, now);
  },
  sign(config, request, now) {
    const timestamp = String(unixNow(now));
    return {
      [TIMESTAMP]: timestamp,
      [SIGNATURE]: signature(config.secret, timestamp, bytesOf(request.body)),
    };
  },
};
