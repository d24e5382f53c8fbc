'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { MonitorRequestError, MonitorUnavailableError, monitorApi } from '../../../lib/monitor-api';
import { storeSessionToken } from '../../../lib/session-cookie';

export interface InviteState {
  error: string | null;
}

export async function acceptInvite(_previous: InviteState, form: FormData): Promise<InviteState> {
  try {
    const session = await monitorApi.acceptInvite(
      String(form.get('invite') ?? ''),
      String(form.get('password') ?? ''),
    );
    const secure = (await headers()).get('x-forwarded-proto') === 'https';
    await storeSessionToken(session.token, new Date(session.expiresAt), secure);
  } catch (error) {
    if (error instanceof MonitorRequestError)
      return { error: error.fieldErrors[0] ? `Password ${error.fieldErrors[0].message}.` : error.message };
    if (error instanceof MonitorUnavailableError) return { error: error.message };
    throw error;
  }
  redirect('/');
}
