// GitHub: `X-Hub-Signature-256: sha256=<hex>` of the body, keyed with the secret as text.
import { hmac, safeEqual } from '../crypto';
import { bytesOf, headerOf } from '../request';
import { accepted, mismatch, missing } from '../verdict';
import { type Scheme, secretOf } from './scheme';

const SIGNATURE = 'X-Hub-Signature-256';
const DELIVERY = 'X-GitHub-Delivery';

const signature = (secret: string, body: Buffer): string =>
  `sha256=${hmac('sha256', secret, body).toString('hex')}`;

export const github: Scheme = {
  // GitHub still sends the SHA-1 X-Hub-Signature beside it: a signature all the same.
  signatureHeaders: () => [SIGNATURE.toLowerCase(), 'x-hub-signature'],
  deliveryId: (request) => headerOf(request, DELIVERY),
  verify(config, request) {
    const received = headerOf(request, SIGNATURE);
    if (received === null) return missing(SIGNATURE);
    return safeEqual(received, signature(secretOf(config), request.body)) ? accepted() : mismatch(SIGNATURE);
  },
  sign(config, request, _now, deliveryId) {
    return { [DELIVERY]: deliveryId, [SIGNATURE]: signature(config.secret, bytesOf(request.body)) };
  },
};
