import { outboundAgent, PUBLIC_ONLY, type OutboundPolicy } from '@ihm/probe';
import { fetch, type Dispatcher } from 'undici';
import type { SendOptions } from './channel-sender';
import { withoutAnswer, type DeliveryOutcome } from './delivery-outcome';
import { requestFailure } from '../../common/request-failure';
import { retryAfterSeconds } from './retry-after';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** As much of the answer as the delivery log shows: enough for an error body, never a whole page. */
export const EXCERPT_BYTES = 2048;
const USER_AGENT = 'integration-health-monitor/0.1 (+alerts)';

function isHttpUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
}

/** One connection pool per policy (a process has one), its connections checked by the outbound guard. */
const dispatchers = new WeakMap<OutboundPolicy, Dispatcher>();

function dispatcherFor(policy: OutboundPolicy): Dispatcher {
  let dispatcher = dispatchers.get(policy);
  if (!dispatcher) dispatchers.set(policy, (dispatcher = outboundAgent(policy)));
  return dispatcher;
}

/** The first `EXCERPT_BYTES` of the body as text; the rest is never read. */
async function excerpt(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let room = EXCERPT_BYTES;
  try {
    while (room > 0) {
      const { done, value } = await reader.read();
      if (done) break;
      // `stream: true` holds back a character cut in half at the cap instead of decoding it as U+FFFD.
      text += decoder.decode(value.subarray(0, room), { stream: true });
      room -= value.length;
    }
  } catch {
    // The deadline or a reset cut the body: what arrived is the excerpt.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text;
}

export function formatTimeout(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function statusError(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return `HTTP ${status}: redirects are not followed, give the final URL`;
  return `HTTP ${status}`;
}

/**
 * POSTs a JSON body: the one HTTP call of every channel. A deadline covers the whole attempt, answer included;
 * redirects are not followed (a POST would turn into a GET, and the new address was never checked). Every
 * failure resolves as an outcome.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  { signal, now = new Date(), timeoutMs = DEFAULT_TIMEOUT_MS, outbound = PUBLIC_ONLY }: SendOptions = {},
): Promise<DeliveryOutcome> {
  if (!isHttpUrl(url)) return withoutAnswer('the URL is not an http(s) URL');
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
      body,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      dispatcher: dispatcherFor(outbound),
    });
    return {
      ok: response.ok,
      status: response.status,
      error: statusError(response.status),
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), now),
      gone: response.status === 410,
      responseExcerpt: await excerpt(response.body),
    };
  } catch (error) {
    return withoutAnswer(
      deadline.aborted ? `no answer within ${formatTimeout(timeoutMs)}` : requestFailure(error),
    );
  }
}
