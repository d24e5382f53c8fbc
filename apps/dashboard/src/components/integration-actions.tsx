'use client';

import type { Integration, ProbeResult } from '@ihm/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '../lib/action-result';
import { StatusBadge } from './status-badge';

export interface IntegrationActionsProps {
  /** One a config file manages can only be probed here: pausing, editing and deleting happen in the file. */
  integration: Pick<Integration, 'id' | 'name' | 'paused' | 'managedBy'>;
  /** A webhook integration is not probed: it has no Probe now. */
  canProbe?: boolean;
  setPausedAction(integrationId: string, paused: boolean): Promise<ActionResult<Integration>>;
  probeNowAction(integrationId: string): Promise<ActionResult<ProbeResult>>;
  deleteAction(integrationId: string): Promise<ActionResult<null>>;
}

type Busy = 'pausing' | 'probing' | 'deleting';
type Notice = { kind: 'probe'; result: ProbeResult } | { kind: 'error'; message: string };

/** How long a probe's outcome stays beside the buttons; the page shows it for good after the refresh. */
const NOTICE_MS = 10_000;

/** Pause or resume, probe now, edit, delete (after a confirmation naming the integration). */
export function IntegrationActions({
  integration,
  canProbe = true,
  setPausedAction,
  probeNowAction,
  deleteAction,
}: IntegrationActionsProps) {
  const router = useRouter();
  const editable = !integration.managedBy;
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (notice?.kind !== 'probe') return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  async function run<T>(kind: Busy, action: () => Promise<ActionResult<T>>, done: (value: T) => void) {
    if (busy) return;
    setBusy(kind);
    setNotice(null);
    try {
      const outcome = await action();
      if (outcome.ok) done(outcome.value);
      else setNotice({ kind: 'error', message: outcome.message });
    } catch (error) {
      setNotice({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  const togglePause = () =>
    run(
      'pausing',
      () => setPausedAction(integration.id, !integration.paused),
      () => router.refresh(),
    );
  const probe = () =>
    run(
      'probing',
      () => probeNowAction(integration.id),
      (result) => {
        setNotice({ kind: 'probe', result });
        router.refresh();
      },
    );
  const remove = () =>
    run(
      'deleting',
      () => deleteAction(integration.id),
      () => {
        setConfirming(false);
        router.push('/');
      },
    );
  const cancel = () => {
    setConfirming(false);
    deleteButton.current?.focus();
  };

  return (
    <div className="integration-actions">
      <div className="row" role="group" aria-label={`Actions for ${integration.name}`}>
        {editable ? (
          <button type="button" className="button" aria-disabled={busy !== null} onClick={togglePause}>
            {busy === 'pausing' ? 'Saving…' : integration.paused ? 'Resume' : 'Pause'}
          </button>
        ) : null}
        {canProbe ? (
          <button type="button" className="button" aria-disabled={busy !== null} onClick={probe}>
            {busy === 'probing' ? 'Probing…' : 'Probe now'}
          </button>
        ) : null}
        {editable ? (
          <>
            <Link href={`/integrations/${encodeURIComponent(integration.id)}/edit`} className="button">
              Edit
            </Link>
            <button
              ref={deleteButton}
              type="button"
              className="button danger"
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              Delete…
            </button>
          </>
        ) : null}
      </div>
      {confirming ? (
        <div className="confirm-delete" role="group" aria-labelledby="confirm-delete-question">
          <p id="confirm-delete-question">
            Delete <strong>{integration.name}</strong> and all its results? This cannot be undone.
          </p>
          <div className="row">
            <button type="button" className="button danger" aria-disabled={busy !== null} onClick={remove}>
              {busy === 'deleting' ? 'Deleting…' : `Delete ${integration.name}`}
            </button>
            <button ref={cancelButton} type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <div role="status" className="action-notice">
        {notice?.kind === 'probe' ? (
          <>
            <StatusBadge status={notice.result.status} /> {notice.result.message}
          </>
        ) : null}
        {notice?.kind === 'error' ? <span className="field-error">{notice.message}</span> : null}
      </div>
    </div>
  );
}
