import type { TransportFailure } from '@ihm/diagnosis';
import { isIP } from 'node:net';
import { Client } from 'undici';
import { PhaseClock } from './phase-clock';
import { discard, readBody, type BodyRead } from './read-body';
import type { OutboundPolicy } from './outbound-guard';
import { timedConnector, type TlsOptions } from './timed-connector';
import { transportFailure } from './transport-failure';

export const MAX_HEADER_BYTES = 64 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface ExchangeRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface ExchangeContext {
  signal: AbortSignal;
  deadlineAt: number;
  bodyCapBytes: number;
  tls: TlsOptions;
  outbound: OutboundPolicy;
}

export type Hop =
  | { kind: 'response'; clock: PhaseClock; status: number; headers: Record<string, string>; body: BodyRead }
  | { kind: 'redirect'; clock: PhaseClock; status: number; location: string }
  | { kind: 'failure'; clock: PhaseClock; failure: TransportFailure };

/** Lower-case names, repeated headers joined as HTTP allows. */
function normalizeHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * One HTTP exchange on a fresh connection (the only way DNS, connect and TLS can be timed, and how a client
 * meets the API after an interval). Never throws: a failure is a hop of kind `failure`.
 */
export async function exchange(request: ExchangeRequest, context: ExchangeContext): Promise<Hop> {
  const clock = new PhaseClock();
  if (isIP(request.url.hostname.replace(/^\[|\]$/g, ''))) clock.phase = 'connect';
  const remainingMs = Math.max(1, Math.ceil(context.deadlineAt - performance.now()));
  const client = new Client(request.url.origin, {
    connect: timedConnector(clock, remainingMs, context.outbound, context.tls),
    headersTimeout: remainingMs,
    bodyTimeout: remainingMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    pipelining: 1,
  });
  let settled = false;
  try {
    const sentAt = performance.now();
    const response = await client.request({
      path: `${request.url.pathname}${request.url.search}`,
      method: request.method as 'GET',
      headers: request.headers,
      body: request.body,
      signal: context.signal,
    });
    clock.headersReceived(sentAt);
    const headers = normalizeHeaders(response.headers);
    if (REDIRECT_STATUSES.has(response.statusCode) && headers.location) {
      discard(response.body);
      return { kind: 'redirect', clock, status: response.statusCode, location: headers.location };
    }
    const body =
      request.method === 'HEAD'
        ? { data: Buffer.alloc(0), capped: false }
        : await readBody(response.body, headers['content-encoding'], context.bodyCapBytes);
    // Read to its end: nothing of it is left on the connection. A capped body was cut off, and is destroyed.
    settled = !body.capped;
    return { kind: 'response', clock, status: response.statusCode, headers, body };
  } catch (error) {
    return {
      kind: 'failure',
      clock,
      failure: clock.tlsAlert
        ? transportFailure(clock.tlsAlert, request.url.host, 'tls')
        : transportFailure(error, request.url.host, clock.phase, context.signal.aborted),
    };
  } finally {
    // A finished exchange closes its connection; destroy() is for one cut short, and costs an error with a stack.
    (settled ? client.close() : client.destroy()).catch(() => undefined);
  }
}
