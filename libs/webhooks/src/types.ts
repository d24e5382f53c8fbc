import type { HmacSignature, SigningScheme, WebhookScheme } from '@ihm/contracts';

export interface SchemeConfig {
  scheme: WebhookScheme;
  secret: string | null;
  hmac: HmacSignature | null;
  toleranceSeconds: number;
}

export interface InboundRequest {
  /** Raw bytes as received. */
  body: Buffer;
  /** Names lower-cased, first value of each. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The full public URL the provider posted to, with its query (Twilio signs it). */
  url: string;
}

export type SignatureFailure = 'missing_signature' | 'bad_signature' | 'stale_timestamp';

export type SignatureCheck =
  | { ok: true; deliveryId: string | null; signedAt: Date | null }
  | {
      ok: false;
      failure: SignatureFailure;
      /** The header that was missing or did not match, as the provider spells it, e.g. 'X-Hub-Signature-256'. */
      header: string;
      /** For stale_timestamp: now - signedAt in whole seconds (negative when in the future). */
      skewSeconds: number | null;
      deliveryId: string | null;
      signedAt: Date | null;
    };

export interface OutboundRequest {
  body: Buffer | string;
  url: string;
  contentType: string | null;
}

export interface SigningConfig {
  scheme: SigningScheme;
  secret: string;
  hmac: HmacSignature | null;
}
