'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '../lib/action-result';

interface DeleteButtonProps {
  /** What is deleted, as the confirmation names it: "the channel Ops webhook". */
  what: string;
  /** The name on the confirming button: "Delete Ops webhook". */
  name: string;
  /** Said in the question after the name: what else goes with it. */
  consequence?: string;
  deleteAction(): Promise<ActionResult<null>>;
}

/** Delete…, then a confirmation naming what goes; the list refreshes without it. */
export function DeleteButton({ what, name, consequence, deleteAction }: DeleteButtonProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await deleteAction();
      if (outcome.ok) {
        setConfirming(false);
        router.refresh();
      } else setError(outcome.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setConfirming(false);
    deleteButton.current?.focus();
  };

  return (
    <>
      <button
        ref={deleteButton}
        type="button"
        className="button small danger"
        aria-expanded={confirming}
        aria-label={`Delete ${name}…`}
        onClick={() => setConfirming(true)}
      >
        Delete…
      </button>
      {confirming ? (
        <div className="confirm-delete" role="group" aria-label={`Confirm deleting ${name}`}>
          <p>
            Delete {what} <strong>{name}</strong>?{consequence ? ` ${consequence}` : ''} This cannot be
            undone.
          </p>
          <div className="row">
            <button type="button" className="button small danger" aria-disabled={busy} onClick={remove}>
              {busy ? 'Deleting…' : `Delete ${name}`}
            </button>
            <button ref={cancelButton} type="button" className="button small" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <span role="status">{error ? <span className="field-error">{error}</span> : null}</span>
    </>
  );
}
