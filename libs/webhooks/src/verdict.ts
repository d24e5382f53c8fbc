import type { SignatureFailure } from './types';

/** What a scheme decides about a request; verifySignature adds the delivery id. */
export type Verdict =
  | { ok: true; signedAt: Date | null }
  | {
      ok: false;
      failure: SignatureFailure;
      header: string;
      skewSeconds: number | null;
      signedAt: Date | null;
    };

export const accepted = (signedAt: Date | null = null): Verdict => ({ ok: true, signedAt });

export const missing = (header: string): Verdict => ({
  ok: false,
  failure: 'missing_signature',
  header,
  skewSeconds: null,
  signedAt: null,
});

export const mismatch = (header: string, signedAt: Date | null = null): Verdict => ({
  ok: false,
  failure: 'bad_signature',
  header,
  skewSeconds: null,
  signedAt,
});

/** Strict Unix seconds: digits only, so that what is signed is exactly the number that is checked. */
export function unixSeconds(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

export const unixNow = (now: Date): number => Math.floor(now.getTime() / 1000);

export const dateOf = (seconds: number): Date => new Date(seconds * 1000);

/** Checked once the signature matched: a replayed old request is only worth reporting when it is genuine. */
export function fresh(header: string, signedSeconds: number, toleranceSeconds: number, now: Date): Verdict {
  const signedAt = dateOf(signedSeconds);
  const skewSeconds = unixNow(now) - signedSeconds;
  if (Math.abs(skewSeconds) <= toleranceSeconds) return accepted(signedAt);
  return { ok: false, failure: 'stale_timestamp', header, skewSeconds, signedAt };
}
