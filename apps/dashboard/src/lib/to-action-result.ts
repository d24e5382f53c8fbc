import 'server-only';
import type { ActionResult } from './action-result';
import { MonitorRequestError, MonitorUnavailableError } from './monitor-api';

/**
 * Runs a monitor call for a server action: refusals (400, 404, 409) and an unreachable monitor become a result
 * the form can show; Next's own redirects (an expired session) and real bugs still throw.
 */
export async function toActionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof MonitorRequestError) {
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    }
    if (error instanceof MonitorUnavailableError)
      return { ok: false, message: error.message, fieldErrors: [] };
    throw error;
  }
}
