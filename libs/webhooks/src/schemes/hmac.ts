// The generic scheme: HMAC-SHA256 of the body in a configured header, hex or base64, after an optional prefix.
import type { HmacSignature } from '@ihm/contracts';
import { hmac as mac, safeEqual } from '../crypto';
import { bytesOf, genericDeliveryId, headerOf } from '../request';
import { accepted, mismatch, missing } from '../verdict';
import { type Scheme, secretOf } from './scheme';

const DELIVERY = 'X-Webhook-Id';

function settingsOf(settings: HmacSignature | null): HmacSignature {
  if (settings === null) throw new TypeError('the hmac scheme needs { header, encoding, prefix }');
  return settings;
}

const digest = (secret: string, settings: HmacSignature, body: Buffer): string =>
  mac('sha256', secret, body).toString(settings.encoding);

export const hmac: Scheme = {
  signatureHeaders: (settings) => (settings === null ? [] : [settings.header.toLowerCase()]),
  deliveryId: genericDeliveryId,
  verify(config, request) {
    const settings = settingsOf(config.hmac);
    const received = headerOf(request, settings.header);
    if (received === null) return missing(settings.header);
    if (!received.startsWith(settings.prefix)) return mismatch(settings.header);
    const value = received.slice(settings.prefix.length);
    // Hex digits mean the same in either case, and senders differ in which they write.
    const normalized = settings.encoding === 'hex' ? value.toLowerCase() : value;
    const expected = digest(secretOf(config), settings, request.body);
    return safeEqual(normalized, expected) ? accepted() : mismatch(settings.header);
  },
  sign(config, request, _now, deliveryId) {
    const settings = settingsOf(config.hmac);
    const headers: Record<string, string> = {};
    if (settings.header.toLowerCase() !== DELIVERY.toLowerCase()) headers[DELIVERY] = deliveryId;
    headers[settings.header] = settings.prefix + digest(config.secret, settings, bytesOf(request.body));
    return headers;
  },
};
