'use client';

import { useActionState } from 'react';
import { acceptInvite, type InviteState } from './actions';

export function InviteForm({ invite }: { invite: string }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(acceptInvite, { error: null });
  return (
    <form action={action} className="stack">
      <input type="hidden" name="invite" value={invite} />
      <label htmlFor="password">New password</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
        autoFocus
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? 'invite-error' : 'invite-hint'}
      />
      <p id="invite-hint" className="muted">
        At least 8 characters.
      </p>
      {state.error ? (
        <p id="invite-error" className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Set password and sign in'}
      </button>
    </form>
  );
}
