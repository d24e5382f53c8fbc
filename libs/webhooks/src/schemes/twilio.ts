// Twilio: `X-Twilio-Signature: <base64>` HMAC-SHA1, keyed with the auth token, of the URL Twilio called followed
// by each form parameter's name and value, as the `twilio` package computes it. A JSON body is covered instead
// by a `bodySHA256` query parameter (its hex SHA-256) in that signed URL.
import { parse } from 'node:querystring';
import { hmac, safeEqual, sha256Hex } from '../crypto';
import { bytesOf, headerOf, isFormUrlEncoded } from '../request';
import { accepted, mismatch, missing } from '../verdict';
import { type Scheme, secretOf } from './scheme';
import { signedUrlCandidates } from './twilio-url';

const SIGNATURE = 'X-Twilio-Signature';
const IDEMPOTENCY = 'I-Twilio-Idempotency-Token';

type Params = Record<string, string | string[]>;

/** The names sorted; a repeated parameter once per distinct value, the values sorted too. */
function signature(token: string, url: string, params: Params): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name] ?? '';
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const each of values) data += name + each;
  }
  return hmac('sha1', token, data).toString('base64');
}

/** What the signature covers besides the URL, or null when the body would go unsigned. */
function coverageOf(
  url: string,
  body: Buffer,
  contentType: string | null,
): { params: Params; bodyHash: string | null } | null {
  const bodyHash = bodyHashOf(url);
  if (bodyHash !== null) return { params: {}, bodyHash };
  if (isFormUrlEncoded(contentType)) return { params: formParams(body), bodyHash: null };
  return body.length === 0 ? { params: {}, bodyHash: null } : null;
}

/** Every parameter: querystring would stop at 1,000 by default, and Twilio signs them all. */
const formParams = (body: Buffer): Params => parse(body.toString('utf8'), '&', '=', { maxKeys: 0 }) as Params;

function bodyHashOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('bodySHA256');
  } catch {
    return null;
  }
}

export const twilio: Scheme = {
  signatureHeaders: () => [SIGNATURE.toLowerCase()],
  // A body Twilio cannot sign as form parameters is covered by its hash in the URL it calls.
  deliveryUrl(request) {
    const body = bytesOf(request.body);
    if (coverageOf(request.url, body, request.contentType) !== null) return request.url;
    const url = new URL(request.url);
    url.searchParams.set('bodySHA256', sha256Hex(body));
    return url.toString();
  },
  deliveryId: (request) => headerOf(request, IDEMPOTENCY),
  verify(config, request) {
    const received = headerOf(request, SIGNATURE);
    if (received === null) return missing(SIGNATURE);
    const coverage = coverageOf(request.url, request.body, headerOf(request, 'content-type'));
    if (coverage === null) return mismatch(SIGNATURE);
    const token = secretOf(config);
    const signed = signedUrlCandidates(request.url).some((url) =>
      safeEqual(received, signature(token, url, coverage.params)),
    );
    if (!signed) return mismatch(SIGNATURE);
    if (coverage.bodyHash !== null && !safeEqual(coverage.bodyHash, sha256Hex(request.body))) {
      return mismatch(SIGNATURE);
    }
    return accepted();
  },
  sign(config, request, _now, deliveryId) {
    const body = bytesOf(request.body);
    const coverage = coverageOf(request.url, body, request.contentType);
    if (coverage === null || (coverage.bodyHash !== null && coverage.bodyHash !== sha256Hex(body))) {
      throw new TypeError('twilio covers a non-form body only by a bodySHA256 query parameter in the url');
    }
    return { [IDEMPOTENCY]: deliveryId, [SIGNATURE]: signature(config.secret, request.url, coverage.params) };
  },
};
