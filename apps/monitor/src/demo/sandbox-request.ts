const ATTEMPTS = 30;
const RETRY_MS = 1000;

/**
 * A request to the sandbox, retried for half a minute: demo mode starts it beside the monitor, so it may not be
 * listening yet. Resolves with the first 2xx answer; rejects with the last failure.
 */
export async function requestSandbox(url: URL, init: RequestInit = {}): Promise<Response> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (response.ok) return response;
      lastError = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  throw new Error(`sandbox unreachable at ${url}: ${lastError instanceof Error ? lastError.message : ''}`);
}
