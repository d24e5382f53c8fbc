'use server';

import type { AlertDetail } from '@ihm/contracts';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '../../lib/action-result';
import { monitorApi } from '../../lib/monitor-api';
import { toActionResult } from '../../lib/to-action-result';

/** Stops the alert's reminders until it resolves; the monitor keeps who and when. */
export async function acknowledgeAlert(alertId: string): Promise<ActionResult<AlertDetail>> {
  const result = await toActionResult(() => monitorApi.acknowledge(alertId));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
