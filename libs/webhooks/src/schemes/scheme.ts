import type { HmacSignature } from '@ihm/contracts';
import type { InboundRequest, OutboundRequest, SchemeConfig, SigningConfig } from '../types';
import type { Verdict } from '../verdict';

export interface Verifier {
  /** Lower-cased. */
  signatureHeaders(hmac: HmacSignature | null): string[];
  deliveryId(request: InboundRequest): string | null;
  verify(config: SchemeConfig, request: InboundRequest, now: Date): Verdict;
}

export interface Scheme extends Verifier {
  /** The URL a provider of the scheme calls with this body, when it is not the request's own. */
  deliveryUrl?(request: OutboundRequest): string;
  sign(
    config: SigningConfig,
    request: OutboundRequest,
    now: Date,
    deliveryId: string,
  ): Record<string, string>;
}

/** The contract requires a secret for every scheme but none: its absence is a caller's bug, not a verdict. */
export function secretOf(config: SchemeConfig): string {
  if (config.secret === null || config.secret === '') {
    throw new TypeError(`the ${config.scheme} scheme needs a secret`);
  }
  return config.secret;
}
