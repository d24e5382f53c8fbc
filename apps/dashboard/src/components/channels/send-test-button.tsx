'use client';

import type { ChannelTestResult } from '@ihm/contracts';
import { useState } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { formatMs } from '../../lib/format';

interface SendTestButtonProps {
  channelName: string;
  testAction(): Promise<ActionResult<ChannelTestResult>>;
}

type Shown = { kind: 'answer'; result: ChannelTestResult } | { kind: 'error'; message: string };

/** What the receiver answered the test notification: status, outcome, its error and the start of its body. */
export function TestAnswer({ result }: { result: ChannelTestResult }) {
  return (
    <div className={`test-answer ${result.ok ? 'ok' : 'failed'}`}>
      <p>
        <strong>{result.ok ? '✓ Delivered' : '✗ Not delivered'}</strong>
        {result.status !== null ? ` · HTTP ${result.status}` : ''} · {formatMs(result.durationMs)}
      </p>
      {result.error ? <p className="field-error">{result.error}</p> : null}
      {result.response ? <pre aria-label="The receiver’s answer">{result.response}</pre> : null}
    </div>
  );
}

/** Sends one test notification now and shows the receiver's answer beside the channel. */
export function SendTestButton({ channelName, testAction }: SendTestButtonProps) {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);

  const send = async () => {
    if (busy) return;
    setBusy(true);
    setShown(null);
    try {
      const outcome = await testAction();
      setShown(
        outcome.ok ? { kind: 'answer', result: outcome.value } : { kind: 'error', message: outcome.message },
      );
    } catch (failure) {
      setShown({ kind: 'error', message: failure instanceof Error ? failure.message : String(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button small"
        aria-disabled={busy}
        aria-label={`Send a test notification to ${channelName}`}
        onClick={send}
      >
        {busy ? 'Sending…' : 'Send test'}
      </button>
      <div role="status" className="test-status" aria-label={`Test of ${channelName}`}>
        {busy ? <span className="muted">Sending a test notification…</span> : null}
        {shown?.kind === 'answer' ? <TestAnswer result={shown.result} /> : null}
        {shown?.kind === 'error' ? <span className="field-error">{shown.message}</span> : null}
      </div>
    </>
  );
}
