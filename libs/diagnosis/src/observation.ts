import type { RateLimitInfo } from './rate-limit';
import type { ShapeDrift } from './shape/learned-shape';
import type { WebhookScheme } from './webhooks/webhook-findings';

/** Where an exchange failed before a usable response arrived. */
export type FailurePhase = 'dns' | 'connect' | 'tls' | 'request' | 'headers' | 'body' | 'redirect';

export interface TransportFailure {
  phase: FailurePhase;
  /** Node/undici error code (`ENOTFOUND`, `CERT_HAS_EXPIRED`, `UND_ERR_HEADERS_TIMEOUT`) or our own (`DEADLINE`, `REDIRECT_LOOP`). */
  code: string;
  message: string;
  host: string;
}

export interface SchemaIssue {
  path: string;
  message: string;
}

/** How the body compared with the integration's JSON Schema; null when no schema is set. */
export type SchemaCheck =
  | { outcome: 'valid' }
  | { outcome: 'invalid'; errors: SchemaIssue[] }
  | { outcome: 'not_json'; contentType: string | null }
  | { outcome: 'truncated' }
  | { outcome: 'too_large'; capBytes: number };

export interface ObservedResponse {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or the text when it is not JSON, or null when empty or not read. */
  body: unknown;
}

/** A failed OAuth2 client-credentials token request: the probe never reached the API. */
export interface TokenEndpointFailure {
  tokenUrl: string;
  transport: TransportFailure | null;
  status: number | null;
  error: string | null;
  description: string | null;
}

export interface Thresholds {
  latencyMs: number | null;
  rateLimitWarnPercent: number;
  tokenExpiryWarnDays: number;
  certificateExpiryWarnDays: number;
}

/** Everything one probe saw: the input of `classify`. Plain data, no I/O. */
export interface Observation {
  now: Date;
  url: string;
  method: string;
  tokenFailure: TokenEndpointFailure | null;
  failure: TransportFailure | null;
  response: ObservedResponse | null;
  /** Empty: any 2xx. */
  expectedStatus: readonly number[];
  schema: SchemaCheck | null;
  rateLimit: RateLimitInfo | null;
  /** `exp` of a bearer token that is a JWT. */
  tokenExpiresAt: Date | null;
  certificate: { subject: string | null; validTo: Date } | null;
  totalMs: number | null;
  /** The probe's deadline, quoted in timeout messages. */
  timeoutMs: number | null;
  thresholds: Thresholds;
  /** How the body's shape broke from what was learned, for an integration without a JSON Schema. */
  drift?: ShapeDrift | null;
  /** The webhook scheme the request was signed with, as a provider's delivery to the team's endpoint; absent when not signed. */
  signedAs?: WebhookScheme;
}
