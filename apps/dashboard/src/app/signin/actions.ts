'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { MonitorRequestError, MonitorUnavailableError, monitorApi } from '../../lib/monitor-api';
import { clearSessionToken, storeSessionToken } from '../../lib/session-cookie';
import { safeNextPath } from './safe-next-path';

export interface SignInState {
  error: string | null;
}

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const password = String(form.get('password') ?? '');
  const email = String(form.get('email') ?? '').trim();
  if (!password) return { error: 'Enter your password.' };
  try {
    const session = await monitorApi.signIn(password, email || undefined);
    const secure = (await headers()).get('x-forwarded-proto') === 'https';
    await storeSessionToken(session.token, new Date(session.expiresAt), secure);
  } catch (error) {
    if (error instanceof MonitorRequestError) {
      // A 429 says how long to wait; anything else at sign-in is a wrong email or password.
      return { error: error.status === 429 ? error.message : 'That email or password is not correct.' };
    }
    if (error instanceof MonitorUnavailableError) return { error: error.message };
    throw error;
  }
  redirect(safeNextPath(form.get('next')));
}

export async function signOut(): Promise<void> {
  try {
    await monitorApi.signOut();
  } catch (error) {
    // Signing out must work even when the monitor is down or the session already expired.
    if (!(error instanceof MonitorUnavailableError || error instanceof MonitorRequestError)) throw error;
  }
  await clearSessionToken();
  redirect('/signin');
}
