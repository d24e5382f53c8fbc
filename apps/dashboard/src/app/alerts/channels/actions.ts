'use server';

import type { Channel, ChannelTestResult } from '@ihm/contracts';
import { revalidatePath } from 'next/cache';
import type { ChannelRequestBody } from '../../../components/channel-form/to-channel-request';
import type { ActionResult } from '../../../lib/action-result';
import { monitorApi } from '../../../lib/monitor-api';
import { toActionResult } from '../../../lib/to-action-result';

/** Adds a channel (no id) or replaces one's settings; the monitor validates the body field by field. */
export async function saveChannel(
  channelId: string | null,
  request: ChannelRequestBody,
): Promise<ActionResult<Channel>> {
  const result = await toActionResult(() =>
    channelId ? monitorApi.replaceChannel(channelId, request) : monitorApi.createChannel(request),
  );
  if (result.ok) revalidatePath('/alerts', 'layout');
  return result;
}

/** Sends one test notification and answers what the receiver said. */
export async function testChannel(channelId: string): Promise<ActionResult<ChannelTestResult>> {
  return toActionResult(() => monitorApi.testChannel(channelId));
}

export async function deleteChannel(channelId: string): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => {
    await monitorApi.removeChannel(channelId);
    return null;
  });
  if (result.ok) revalidatePath('/alerts', 'layout');
  return result;
}
