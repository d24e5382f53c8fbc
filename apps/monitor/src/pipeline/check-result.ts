import type { Evidence } from '@ihm/contracts';
import type { Category, ProbeStatus, RateLimitInfo, SchemaIssue } from '@ihm/diagnosis';
import type { PeerCertificate, PhaseTimings } from '@ihm/probe';

/** One classified probe of one integration, redacted, in the monitor's own terms (dates, not strings). */
export interface CheckResult {
  startedAt: Date;
  status: ProbeStatus;
  category: Category | null;
  httpStatus: number | null;
  message: string;
  troubleshooting: string[];
  timings: PhaseTimings;
  rateLimit: RateLimitInfo | null;
  schemaErrors: SchemaIssue[];
  tls: PeerCertificate | null;
  tokenExpiresAt: Date | null;
  evidence: Evidence | null;
}

/** What a stored check's run changes in its schedule. */
export interface ScheduleChange {
  nextDueAt: Date;
  /** The worker that ran it under its lease, online or not: the check stays that worker's. */
  leaseOwner: string;
}

/** Why a check ran: each step of the pipeline decides from this what the result means to it. */
/** A delivery the receiver accepted: it keeps the integration's silence window open until `silenceDeadline`. */
export interface AcceptedDelivery {
  at: Date;
  silenceDeadline: Date;
}

export type CheckOrigin =
  | { kind: 'scheduled'; integrationId: string; schedule: ScheduleChange }
  | { kind: 'delivery'; integrationId: string; accepted: AcceptedDelivery | null }
  | { kind: 'probe_now'; integrationId: string }
  | { kind: 'dry_run' };

export interface PipelineResult {
  origin: CheckOrigin;
  result: CheckResult;
}

/** The integration a result belongs to; null for a dry run of an unsaved definition. */
export const integrationIdOf = (origin: CheckOrigin): string | null =>
  origin.kind === 'dry_run' ? null : origin.integrationId;
