import 'server-only';
import { roleAtLeast } from '@ihm/contracts';
import { cache } from 'react';
import { MonitorUnavailableError, monitorApi } from './monitor-api';

/**
 * Whether the signed-in user may change things (editor or admin): viewers get no edit controls, since the
 * monitor would refuse them anyway. Asked once per request; with the monitor down, no controls either.
 */
export const canEdit = cache(async (): Promise<boolean> => {
  try {
    return roleAtLeast((await monitorApi.whoAmI()).role, 'editor');
  } catch (error) {
    if (error instanceof MonitorUnavailableError) return false;
    throw error;
  }
});
