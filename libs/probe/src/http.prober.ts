import { checkJsonSchema, isCredentialName, type HttpIntegrationDefinition } from '@ihm/contracts';
import {
  isExpectedStatus,
  parseRateLimit,
  readJwtExpiry,
  type ObservedResponse,
  type SchemaCheck,
  type TransportFailure,
} from '@ihm/diagnosis';
import { deliveryUrlOf, signRequest } from '@ihm/webhooks';
import { randomUUID } from 'node:crypto';
import { authorize } from './auth';
import { exchange, type ExchangeContext, type Hop } from './exchange';
import type { HttpObservation } from './http-observation';
import { OAuthTokenCache } from './oauth-token';
import { PUBLIC_ONLY, type OutboundPolicy } from './outbound-guard';
import type { PhaseClock } from './phase-clock';
import type { TlsOptions } from './timed-connector';

export const DEFAULT_BODY_CAP_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** The guide's step 1 needs the start of the body, not all of it. */
export const EVIDENCE_BODY_BYTES = 2048;
const USER_AGENT = 'integration-health-monitor/0.1 (+probe)';

export interface ProbeOptions {
  /** Cancels the probe (shutdown); the integration's `timeoutMs` bounds it anyway. */
  signal?: AbortSignal;
  now?: () => Date;
  bodyCapBytes?: number;
  /** How much of the body the evidence keeps (EVIDENCE_BODY_BYTES): more for a dry run, which is not stored. */
  evidenceBodyBytes?: number;
  tls?: TlsOptions;
  tokenCache?: OAuthTokenCache;
  /** Where the probe may connect (its redirects and OAuth token request too); public addresses only by default. */
  outbound?: OutboundPolicy;
}

/** The fields of an integration a probe needs. */
export type ProbeTarget = Omit<
  HttpIntegrationDefinition,
  'kind' | 'name' | 'intervalSeconds' | 'paused' | 'tags'
>;

const sharedTokenCache = new OAuthTokenCache();

function defaultHeaders(target: ProbeTarget): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/json, */*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (target.body !== null && /^\s*[[{]/.test(target.body)) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  return headers;
}

function clientTls({ clientCertificate }: ProbeTarget): TlsOptions {
  if (!clientCertificate) return {};
  const { certificate, privateKey, passphrase } = clientCertificate;
  return { cert: certificate, key: privateKey, ...(passphrase ? { passphrase } : {}) };
}

/**
 * The request a webhook provider of the signing scheme would send with this body (the URL after authorization:
 * Twilio signs it whole, and moves a body it cannot sign as a form into it as a hash), as a fresh delivery: a new
 * id, signed now.
 */
function signedAsProvider(
  signing: NonNullable<ProbeTarget['signing']>,
  authorized: { url: URL; headers: Record<string, string> },
  body: string | null,
  now: Date,
): { url: URL; headers: Record<string, string> } {
  const config = { scheme: signing.scheme, secret: signing.secret, hmac: signing.hmac };
  const request = {
    body: body ?? '',
    url: authorized.url.toString(),
    contentType: authorized.headers['content-type'] ?? null,
  };
  const url = deliveryUrlOf(config.scheme, request);
  const signature = signRequest(config, { ...request, url }, now, `probe_${randomUUID()}`);
  return { url: new URL(url), headers: { ...authorized.headers, ...signature } };
}

/** Credentials go to the integration's own origin only, never to where a redirect points elsewhere. */
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name !== 'authorization' && !isCredentialName(name)),
  );
}

interface Followed {
  hop: Hop;
  clock: PhaseClock;
}

async function followRedirects(
  first: { url: URL; method: string; headers: Record<string, string>; body: string | null },
  context: ExchangeContext,
): Promise<Followed | { failure: TransportFailure; clock: PhaseClock }> {
  const origin = first.url.origin;
  const visited = [first.url.href];
  let request = first;
  // The client certificate, like the credentials, is presented to the integration's own origin only.
  const elsewhere: ExchangeContext = { ...context, tls: context.tls.ca ? { ca: context.tls.ca } : {} };
  for (let redirects = 0; ; redirects += 1) {
    const hop = await exchange(request, request.url.origin === origin ? context : elsewhere);
    if (hop.kind !== 'redirect') return { hop, clock: hop.clock };
    const next = new URL(hop.location, request.url);
    const host = request.url.host;
    if (visited.includes(next.href)) {
      const loop = [...visited.slice(visited.indexOf(next.href)), next.href].map(
        (href) => new URL(href).pathname,
      );
      return {
        failure: {
          phase: 'redirect',
          code: 'REDIRECT_LOOP',
          message: `Redirect loop: ${loop.join(' → ')}`,
          host,
        },
        clock: hop.clock,
      };
    }
    if (redirects + 1 > MAX_REDIRECTS) {
      const message = `More than ${MAX_REDIRECTS} redirects, the last to ${next.pathname}`;
      return { failure: { phase: 'redirect', code: 'TOO_MANY_REDIRECTS', message, host }, clock: hop.clock };
    }
    visited.push(next.href);
    const becomesGet =
      hop.status === 303 || ((hop.status === 301 || hop.status === 302) && request.method === 'POST');
    request = {
      url: next,
      method: becomesGet ? 'GET' : request.method,
      headers: next.origin === origin ? request.headers : withoutCredentials(request.headers),
      body: becomesGet ? null : request.body,
    };
  }
}

function parseBody(
  text: string,
  contentType: string | undefined,
): { json: unknown; parsed: boolean; error: string | null } {
  const looksJson = /json/i.test(contentType ?? '') || /^\s*[[{]/.test(text);
  if (!looksJson || text.trim() === '') return { json: undefined, parsed: false, error: null };
  try {
    return { json: JSON.parse(text), parsed: true, error: null };
  } catch (error) {
    return { json: undefined, parsed: false, error: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

function schemaCheck(
  target: ProbeTarget,
  hop: Extract<Hop, { kind: 'response' }>,
  parsed: ReturnType<typeof parseBody>,
  capBytes: number,
): SchemaCheck | null {
  if (!target.responseSchema || !isExpectedStatus(hop.status, target.expectedStatus)) return null;
  if (hop.body.capped) return { outcome: 'too_large', capBytes };
  if (!parsed.parsed) {
    // "Unexpected end of JSON input" and its kin: the JSON started but stopped.
    return parsed.error && /end of (json )?input|unterminated|unexpected end/i.test(parsed.error)
      ? { outcome: 'truncated' }
      : { outcome: 'not_json', contentType: hop.headers['content-type'] ?? null };
  }
  const errors = checkJsonSchema(target.responseSchema, parsed.json);
  return errors.length ? { outcome: 'invalid', errors } : { outcome: 'valid' };
}

const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 100) / 100);

/**
 * One probe of an HTTP integration: authorize, exchange (following a bounded number of redirects), read a
 * bounded body and check it against the schema. Returns what it observed — classification is the caller's next
 * step. Resolves for every outcome, however hostile the target; rejects only on a programming error.
 */
export async function probeHttp(target: ProbeTarget, options: ProbeOptions = {}): Promise<HttpObservation> {
  const startedAt = options.now?.() ?? new Date();
  const capBytes = options.bodyCapBytes ?? DEFAULT_BODY_CAP_BYTES;
  const deadline = AbortSignal.timeout(target.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const context: ExchangeContext = {
    signal,
    deadlineAt: performance.now() + target.timeoutMs,
    bodyCapBytes: capBytes,
    tls: { ...options.tls, ...clientTls(target) },
    outbound: options.outbound ?? PUBLIC_ONLY,
  };
  const started = performance.now();

  const authorized = await authorize(
    target.auth,
    new URL(target.url),
    defaultHeaders(target),
    options.tokenCache ?? sharedTokenCache,
    signal,
    context.outbound,
  );
  const { url, headers } = target.signing
    ? signedAsProvider(target.signing, authorized, target.body, startedAt)
    : authorized;
  const outcome = authorized.tokenFailure
    ? null
    : await followRedirects({ url, method: target.method, headers, body: target.body }, context);
  const totalMs = performance.now() - started;

  const hop = outcome && 'hop' in outcome ? outcome.hop : null;
  const response = hop?.kind === 'response' ? hop : null;
  const text = response ? response.body.data.toString('utf8') : '';
  const parsed = response
    ? parseBody(text, response.headers['content-type'])
    : { json: undefined, parsed: false, error: null };
  const observed: ObservedResponse | null = response
    ? {
        status: response.status,
        headers: response.headers,
        body: parsed.parsed ? parsed.json : text.slice(0, EVIDENCE_BODY_BYTES),
      }
    : null;
  const failure =
    outcome && 'failure' in outcome ? outcome.failure : hop?.kind === 'failure' ? hop.failure : null;
  const clock = outcome?.clock ?? null;
  const certificate = clock?.certificate ?? null;

  return {
    observation: {
      now: startedAt,
      url: target.url,
      method: target.method,
      tokenFailure: authorized.tokenFailure,
      failure,
      response: observed,
      expectedStatus: target.expectedStatus,
      schema: response ? schemaCheck(target, response, parsed, capBytes) : null,
      rateLimit: response ? parseRateLimit(response.headers, startedAt) : null,
      tokenExpiresAt: authorized.bearerToken ? readJwtExpiry(authorized.bearerToken) : null,
      certificate: certificate?.validTo
        ? { subject: certificate.subject, validTo: certificate.validTo }
        : null,
      totalMs: failure ? null : totalMs,
      timeoutMs: target.timeoutMs,
      ...(target.signing ? { signedAs: target.signing.scheme } : {}),
      thresholds: {
        latencyMs: target.latencyThresholdMs,
        rateLimitWarnPercent: target.rateLimitWarnPercent,
        tokenExpiryWarnDays: target.tokenExpiryWarnDays,
        certificateExpiryWarnDays: target.certificateExpiryWarnDays,
      },
    },
    timings: {
      dnsMs: round(clock?.dnsMs ?? null),
      connectMs: round(clock?.connectMs ?? null),
      tlsMs: round(clock?.tlsMs ?? null),
      ttfbMs: round(clock?.ttfbMs ?? null),
      totalMs: round(totalMs),
    },
    certificate,
    obtainedSecrets: authorized.obtainedSecrets,
    rawEvidence: response && {
      responseHeaders: response.headers,
      bodyExcerpt:
        Buffer.from(text)
          .subarray(0, options.evidenceBodyBytes ?? EVIDENCE_BODY_BYTES)
          .toString('utf8') || null,
    },
  };
}
