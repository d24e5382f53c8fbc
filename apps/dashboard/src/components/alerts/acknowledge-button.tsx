'use client';

import type { AlertDetail } from '@ihm/contracts';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '../../lib/action-result';

export type AcknowledgeAction = (alertId: string) => Promise<ActionResult<AlertDetail>>;

interface AcknowledgeButtonProps {
  alertId: string;
  /** Names the alert for assistive technology: "Acknowledge Payments API". */
  subject: string;
  acknowledgeAction: AcknowledgeAction;
}

/** Stops the alert's reminders until it resolves; the page then shows who acknowledged it and when. */
export function AcknowledgeButton({ alertId, subject, acknowledgeAction }: AcknowledgeButtonProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const acknowledge = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await acknowledgeAction(alertId);
      if (outcome.ok) router.refresh();
      else setError(outcome.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="acknowledge">
      <button
        type="button"
        className="button small"
        aria-disabled={busy}
        aria-label={`Acknowledge ${subject}`}
        onClick={acknowledge}
      >
        {busy ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      <span role="status">{error ? <span className="field-error">{error}</span> : null}</span>
    </span>
  );
}
