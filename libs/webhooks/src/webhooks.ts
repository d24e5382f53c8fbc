import type { HmacSignature, WebhookScheme } from '@ihm/contracts';
import { SCHEMES } from './schemes/registry';
import type { InboundRequest, OutboundRequest, SchemeConfig, SignatureCheck, SigningConfig } from './types';

export function verifySignature(config: SchemeConfig, request: InboundRequest, now: Date): SignatureCheck {
  const verdict = SCHEMES[config.scheme].verify(config, request, now);
  return { ...verdict, deliveryId: deliveryIdOf(config.scheme, request) };
}

/** The headers a provider of that scheme would add to this request (including its delivery id / timestamp headers where the scheme has them). */
export function signRequest(
  config: SigningConfig,
  request: OutboundRequest,
  now: Date,
  deliveryId: string,
): Record<string, string> {
  return SCHEMES[config.scheme].sign(config, request, now, deliveryId);
}

/**
 * The URL a provider of that scheme would deliver this body to: the request's own, but for Twilio, which covers
 * a body that is not a form by its SHA-256 in a `bodySHA256` query parameter. Sign the request at this URL.
 */
export function deliveryUrlOf(scheme: SigningConfig['scheme'], request: OutboundRequest): string {
  return SCHEMES[scheme].deliveryUrl?.(request) ?? request.url;
}

/** Lower-cased names of the headers that carry a signature for this scheme (to redact them from stored deliveries). */
export function signatureHeaderNames(scheme: WebhookScheme, hmac: HmacSignature | null): string[] {
  return SCHEMES[scheme].signatureHeaders(hmac);
}

export function deliveryIdOf(scheme: WebhookScheme, request: InboundRequest): string | null {
  return SCHEMES[scheme].deliveryId(request);
}
