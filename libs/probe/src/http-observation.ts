import type { Observation } from '@ihm/diagnosis';
import type { PeerCertificate } from './phase-clock';

/** Milliseconds per phase of one exchange; null for a phase that did not happen (no TLS, failed before). */
export interface PhaseTimings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  totalMs: number | null;
}

/**
 * What one probe of an HTTP integration saw, before anyone judged it: the input of `classify` plus what the
 * result shows beside the verdict. Nothing here is redacted yet: it still holds what the API sent.
 */
export interface HttpObservation {
  observation: Observation;
  timings: PhaseTimings;
  certificate: PeerCertificate | null;
  /** Credentials the probe obtained as it ran (an OAuth2 access token): redact them like the configured ones. */
  obtainedSecrets: string[];
  /** The response headers and the first bytes of the body as the API sent them; null when none arrived. */
  rawEvidence: { responseHeaders: Readonly<Record<string, string>>; bodyExcerpt: string | null } | null;
}
