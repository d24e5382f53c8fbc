// Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]` of `${t}.${body}`, keyed with the whole secret
// (its `whsec_` included). Several v1 entries appear while a secret is rolled: any one may match.
import { hmac, safeEqual } from '../crypto';
import { bytesOf, jsonFieldOf, headerOf } from '../request';
import { dateOf, fresh, mismatch, missing, unixNow, unixSeconds } from '../verdict';
import { type Scheme, secretOf } from './scheme';

const SIGNATURE = 'Stripe-Signature';

function parse(header: string): { seconds: number; signatures: string[] } | null {
  let seconds: number | null = null;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const equals = item.indexOf('=');
    if (equals === -1) continue;
    const key = item.slice(0, equals).trim();
    const value = item.slice(equals + 1).trim();
    if (key === 't') seconds = unixSeconds(value);
    else if (key === 'v1') signatures.push(value);
  }
  return seconds === null || signatures.length === 0 ? null : { seconds, signatures };
}

const signature = (secret: string, seconds: number, body: Buffer): string =>
  hmac('sha256', secret, `${seconds}.`, body).toString('hex');

export const stripe: Scheme = {
  signatureHeaders: () => [SIGNATURE.toLowerCase()],
  // The event id travels in the body; Stripe sends no delivery header.
  deliveryId: (request) => jsonFieldOf(request.body, 'id'),
  verify(config, request, now) {
    const header = headerOf(request, SIGNATURE);
    if (header === null) return missing(SIGNATURE);
    const parsed = parse(header);
    if (parsed === null) return mismatch(SIGNATURE);
    const expected = signature(secretOf(config), parsed.seconds, request.body);
    if (!parsed.signatures.some((received) => safeEqual(received, expected))) {
      return mismatch(SIGNATURE, dateOf(parsed.seconds));
    }
    return fresh(SIGNATURE, parsed.seconds, config.toleranceSeconds, now);
  },
  sign(config, request, now) {
    const seconds = unixNow(now);
    return { [SIGNATURE]: `t=${seconds},v1=${signature(config.secret, seconds, bytesOf(request.body))}` };
  },
};
