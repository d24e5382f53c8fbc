'use server';

import type { AlertRule } from '@ihm/contracts';
import { revalidatePath } from 'next/cache';
import type { RuleRequest } from '../../../components/rule-form/to-rule-request';
import type { ActionResult } from '../../../lib/action-result';
import { monitorApi } from '../../../lib/monitor-api';
import { toActionResult } from '../../../lib/to-action-result';

/** Adds a rule (no id) or changes every field of one; the monitor validates the body field by field. */
export async function saveRule(
  ruleId: string | null,
  request: RuleRequest,
): Promise<ActionResult<AlertRule>> {
  const result = await toActionResult(() =>
    ruleId ? monitorApi.updateAlertRule(ruleId, request) : monitorApi.createAlertRule(request),
  );
  if (result.ok) revalidatePath('/alerts', 'layout');
  return result;
}

export async function deleteRule(ruleId: string): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => {
    await monitorApi.removeAlertRule(ruleId);
    return null;
  });
  if (result.ok) revalidatePath('/alerts', 'layout');
  return result;
}
