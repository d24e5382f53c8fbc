import type { FailurePhase, TransportFailure } from '@ihm/diagnosis';

/** Turns what undici or Node threw into a transport failure with the phase it happened in. */
export function transportFailure(
  error: unknown,
  host: string,
  phase: FailurePhase,
  deadlineHit = false,
): TransportFailure {
  const err = (error ?? {}) as {
    code?: string;
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  const aborted = err.name === 'AbortError' || err.code === 'UND_ERR_ABORTED' || err.name === 'TimeoutError';
  if (deadlineHit || aborted) {
    return { phase, code: 'DEADLINE', message: 'the probe deadline passed', host };
  }
  const code = err.code ?? err.cause?.code ?? err.name ?? 'UNKNOWN';
  // A connect timeout is a timeout of the connect phase, whatever phase the clock had reached.
  const failedPhase: FailurePhase =
    code === 'UND_ERR_CONNECT_TIMEOUT'
      ? 'connect'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'dns'
        : phase;
  return { phase: failedPhase, code, message: err.message ?? err.cause?.message ?? String(error), host };
}
