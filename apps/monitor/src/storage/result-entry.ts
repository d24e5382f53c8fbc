import type { ProbeResult } from '@ihm/contracts';

/** A probe result on its way to storage, with the schedule change that running it implies. */
export interface ResultEntry {
  integrationId: string;
  result: ProbeResult;
  /** When the integration is next due; absent for probes that are not scheduled runs (probe now). */
  schedule?: { nextDueAt: Date; leaseOwner: string | null };
}
