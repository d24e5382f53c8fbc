'use server';

import type { ApiToken, CreatedApiToken, CreatedUser, FieldError, User } from '@ihm/contracts';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '../../lib/action-result';
import { monitorApi } from '../../lib/monitor-api';
import { storeSessionToken } from '../../lib/session-cookie';
import { toActionResult } from '../../lib/to-action-result';

/** What an access form shows once the monitor took it: a sentence, and a secret shown this once. */
export interface Done {
  message: string;
  secret: string | null;
}

/** What an access form shows after submitting: the problem and its field errors, or what it made. */
export interface FormState {
  result: ActionResult<Done> | null;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

const refresh = <T>(result: ActionResult<T>) => {
  if (result.ok) revalidatePath('/access');
  return result;
};

const shown = <T>(result: ActionResult<T>, done: (value: T) => Done): FormState => ({
  result: result.ok ? { ok: true, value: done(result.value) } : result,
});

/** A token of your own; its secret is in the answer this once. */
export async function createToken(_previous: FormState, form: FormData): Promise<FormState> {
  const expires = text(form, 'expiresAt');
  const result = await toActionResult(() =>
    monitorApi.createToken({
      name: text(form, 'name'),
      role: text(form, 'role'),
      expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null,
    }),
  );
  return shown(refresh(result), (token: CreatedApiToken) => ({
    message: `Token "${token.name}" (${token.role}): copy it now, it is not shown again.`,
    secret: token.token,
  }));
}

export async function revokeToken(tokenId: ApiToken['id']): Promise<ActionResult<null>> {
  return refresh(await toActionResult(async () => (await monitorApi.revokeToken(tokenId), null)));
}

/** With a password the user can sign in now; without, the answer has their one-time invitation link. */
export async function createUser(_previous: FormState, form: FormData): Promise<FormState> {
  const password = String(form.get('password') ?? '');
  const result = await toActionResult(() =>
    monitorApi.createUser({
      email: text(form, 'email'),
      name: text(form, 'name'),
      role: text(form, 'role'),
      ...(password ? { password } : {}),
    }),
  );
  return shown(refresh(result), (user: CreatedUser) =>
    user.invite
      ? {
          message: `Send ${user.email} this invitation link, valid for 7 days and once:`,
          secret: user.invite.url,
        }
      : { message: `${user.email} can sign in now.`, secret: null },
  );
}

export async function updateUser(
  userId: string,
  patch: Partial<Pick<User, 'role'>> & { disabled?: boolean },
) {
  return refresh(await toActionResult(() => monitorApi.updateUser(userId, patch)));
}

/** Every session of yours ends; this browser keeps going with the new one the monitor answers. */
export async function changePassword(_previous: FormState, form: FormData): Promise<FormState> {
  const next = String(form.get('newPassword') ?? '');
  if (next !== String(form.get('repeatPassword') ?? '')) {
    const fieldErrors: FieldError[] = [
      { field: 'repeatPassword', message: 'does not match the new password' },
    ];
    return { result: { ok: false, message: 'The passwords differ', fieldErrors } };
  }
  const result = await toActionResult(() =>
    monitorApi.changePassword(String(form.get('currentPassword') ?? ''), next),
  );
  if (!result.ok) return { result };
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  await storeSessionToken(result.value.token, new Date(result.value.expiresAt), secure);
  return {
    result: {
      ok: true,
      value: { message: 'Password changed; your other sessions have ended.', secret: null },
    },
  };
}
