import type { HmacSignature, WebhookScheme } from '@ihm/contracts';
import type { InboundRequest, SchemeConfig, SignatureCheck } from '../src';

export const NOW = new Date('2026-03-02T10:00:00.000Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
export const TOLERANCE = 300;
export const HOOK_URL = 'https://hooks.example.com/webhooks/in?team=ops';

/** A request as the receiver sees it: header names lower-cased, whatever case the test wrote them in. */
export function inbound(
  body: string | Buffer,
  headers: Record<string, string | undefined>,
  url = HOOK_URL,
): InboundRequest {
  const lowerCased = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { body: typeof body === 'string' ? Buffer.from(body) : body, headers: lowerCased, url };
}

export function schemeConfig(
  scheme: WebhookScheme,
  secret: string | null,
  hmac: HmacSignature | null = null,
): SchemeConfig {
  return { scheme, secret, hmac, toleranceSeconds: TOLERANCE };
}

export const tampered = (request: InboundRequest): InboundRequest => ({
  ...request,
  body: Buffer.concat([request.body, Buffer.from(' ')]),
});

export function withoutHeader(request: InboundRequest, name: string): InboundRequest {
  const headers = { ...request.headers };
  delete headers[name.toLowerCase()];
  return { ...request, headers };
}

export type Rejection = Pick<Extract<SignatureCheck, { ok: false }>, 'failure' | 'header' | 'skewSeconds'>;

export const rejection = (
  failure: Rejection['failure'],
  header: string,
  skewSeconds: number | null = null,
): Rejection => ({ failure, header, skewSeconds });
