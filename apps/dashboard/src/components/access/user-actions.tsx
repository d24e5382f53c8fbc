'use client';

import { ROLES, type Role, type User } from '@ihm/contracts';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { updateUser } from '../../app/access/actions';

/** A user's row actions: their role, and disable or enable. */
export function UserActions({ user }: { user: User }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (patch: { role?: Role; disabled?: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await updateUser(user.id, patch);
      if (result.ok) router.refresh();
      else setError(result.fieldErrors[0]?.message ?? result.message);
    } finally {
      setBusy(false);
    }
  };
  const disabled = user.state === 'disabled';
  return (
    <div className="row">
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        value={user.role}
        aria-disabled={busy}
        onChange={(event) => void change({ role: event.target.value as Role })}
      >
        {ROLES.map((role) => (
          <option key={role}>{role}</option>
        ))}
      </select>
      <button
        type="button"
        className="button ghost"
        aria-disabled={busy}
        onClick={() => void change({ disabled: !disabled })}
      >
        {disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
