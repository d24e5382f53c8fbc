import type { AcceptedDelivery, CheckResult, ScheduleChange } from '../pipeline/check-result';

/** A result on its way to storage, with the schedule change that running it implies. */
export interface ResultEntry {
  integrationId: string;
  result: CheckResult;
  /** When the integration is next due; absent for runs that are not scheduled (probe now). */
  schedule?: ScheduleChange;
  /** A webhook delivery that was accepted: it moves the silence check on. */
  accepted?: AcceptedDelivery;
}
