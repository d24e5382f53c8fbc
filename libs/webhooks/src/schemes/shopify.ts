// Shopify: `X-Shopify-Hmac-Sha256: <base64>` of the body.
import { hmac, safeEqual } from '../crypto';
import { bytesOf, firstHeaderOf, headerOf } from '../request';
import { accepted, mismatch, missing } from '../verdict';
import { type Scheme, secretOf } from './scheme';

const SIGNATURE = 'X-Shopify-Hmac-Sha256';
const WEBHOOK_ID = 'X-Shopify-Webhook-Id';
const EVENT_ID = 'X-Shopify-Event-Id';

const signature = (secret: string, body: Buffer): string => hmac('sha256', secret, body).toString('base64');

export const shopify: Scheme = {
  signatureHeaders: () => [SIGNATURE.toLowerCase()],
  deliveryId: (request) => firstHeaderOf(request, [WEBHOOK_ID, EVENT_ID]),
  verify(config, request) {
    const received = headerOf(request, SIGNATURE);
    if (received === null) return missing(SIGNATURE);
    return safeEqual(received, signature(secretOf(config), request.body)) ? accepted() : mismatch(SIGNATURE);
  },
  sign(config, request, _now, deliveryId) {
    return { [WEBHOOK_ID]: deliveryId, [SIGNATURE]: signature(config.secret, bytesOf(request.body)) };
  },
};
