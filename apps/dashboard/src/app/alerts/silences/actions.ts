'use server';

import type { Silence, SilenceRequest } from '@ihm/contracts';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '../../../lib/action-result';
import { monitorApi } from '../../../lib/monitor-api';
import { toActionResult } from '../../../lib/to-action-result';

/** Adds a silence (no id) or replaces one whole; the monitor validates the body field by field. */
export async function saveSilence(
  silenceId: string | null,
  request: SilenceRequest,
): Promise<ActionResult<Silence>> {
  const result = await toActionResult(() =>
    silenceId ? monitorApi.replaceSilence(silenceId, request) : monitorApi.createSilence(request),
  );
  if (result.ok) revalidatePath('/alerts', 'layout');
  return result;
}

/** Ends the silence now: what it held back is sent, each alert as it is then. */
export async function deleteSilence(silenceId: string): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => {
    await monitorApi.removeSilence(silenceId);
    return null;
  });
  if (result.ok) revalidatePath('/alerts', 'layout');
  return result;
}
