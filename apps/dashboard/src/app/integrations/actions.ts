'use server';

import type { Integration, ProbeResult, ShapeReport } from '@ihm/contracts';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '../../lib/action-result';
import { monitorApi } from '../../lib/monitor-api';
import { toActionResult } from '../../lib/to-action-result';

/** Registers an integration (no id) or changes one; the body is validated by the monitor, field by field. */
export async function saveIntegration(
  integrationId: string | null,
  request: Record<string, unknown>,
): Promise<ActionResult<Integration>> {
  const result = await toActionResult(() =>
    integrationId ? monitorApi.update(integrationId, request) : monitorApi.create(request),
  );
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/** The form's Test button: a dry run that stores nothing. `basedOn` fills masked secrets from the stored ones. */
export async function testIntegration(
  request: Record<string, unknown>,
  basedOn: string | null,
): Promise<ActionResult<ProbeResult>> {
  return toActionResult(() => monitorApi.dryRun(request, basedOn ?? undefined));
}

export async function setPaused(integrationId: string, paused: boolean): Promise<ActionResult<Integration>> {
  const result = await toActionResult(() => monitorApi.update(integrationId, { paused }));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function probeNow(integrationId: string): Promise<ActionResult<ProbeResult>> {
  const result = await toActionResult(() => monitorApi.probeNow(integrationId));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function deleteIntegration(integrationId: string): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => {
    await monitorApi.remove(integrationId);
    return null;
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/** Accepts the integration's new response shape: its drift ends, and the new shape is what is expected. */
export async function acceptShape(integrationId: string): Promise<ActionResult<ShapeReport>> {
  const result = await toActionResult(() => monitorApi.acceptShape(integrationId));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
