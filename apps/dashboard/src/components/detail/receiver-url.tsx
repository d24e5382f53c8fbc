'use client';

import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'selected';

/** How long "Copied" stays on the button. */
const COPIED_MS = 2_000;

/**
 * The URL the provider must post to, read-only, with a Copy button. Without clipboard access (an insecure
 * origin, a refused permission) the text is selected instead, for the visitor to copy themselves.
 */
export function ReceiverUrl({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setState('selected');
    }
  };

  return (
    <div className="form-field wide">
      <label htmlFor="receiver-url">Receiver URL</label>
      <div className="copy-field">
        <input
          ref={input}
          id="receiver-url"
          className="code"
          readOnly
          value={url}
          spellCheck={false}
          aria-describedby="receiver-url-status"
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p id="receiver-url-status" className="form-hint" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'selected'
            ? 'Selected: press Ctrl+C (⌘C) to copy.'
            : 'Give this URL to the provider: it posts every delivery here.'}
      </p>
    </div>
  );
}
