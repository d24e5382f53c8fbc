'use client';

import type { ShapeReport } from '@ihm/contracts';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '../../lib/action-result';

interface AcceptShapeButtonProps {
  acceptAction(): Promise<ActionResult<ShapeReport>>;
}

/** Accepts the responses' new shape; the page then shows the drift as accepted. */
export function AcceptShapeButton({ acceptAction }: AcceptShapeButtonProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await acceptAction();
      if (outcome.ok) router.refresh();
      else setError(outcome.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="row">
      <button type="button" className="button primary" aria-disabled={busy} onClick={accept}>
        {busy ? 'Accepting…' : 'Accept the new shape'}
      </button>
      <span role="status">{error ? <span className="field-error">{error}</span> : null}</span>
    </div>
  );
}
