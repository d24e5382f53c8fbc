/** What one attempt to deliver came to; the delivery worker decides from it whether and when to try again. */
export interface DeliveryOutcome {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** The HTTP status; null when no answer arrived. */
  status: number | null;
  /** Why it failed, in words that never quote the URL or a secret; null when ok. */
  error: string | null;
  /** How long the receiver's `Retry-After` asked to wait, from the attempt. */
  retryAfterSeconds: number | null;
  /** The receiver says stop (410 Gone, or the channel's own word for it): disable the channel. */
  gone: boolean;
  /** The start of the receiver's answer, as text; null when no answer arrived. */
  responseExcerpt: string | null;
}

/** An attempt that ended without an answer: never sent, or nothing came back. */
export function withoutAnswer(error: string): DeliveryOutcome {
  return { ok: false, status: null, error, retryAfterSeconds: null, gone: false, responseExcerpt: null };
}
