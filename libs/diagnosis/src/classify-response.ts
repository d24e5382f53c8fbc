import type { Category } from './categories';
import { categoryNamedBy, DECISIVE_SIGNALS, HINT_SIGNALS } from './category-signals';
import { down, type Finding } from './finding';
import { formatCount, formatDuration, formatInstant, quote } from './humanize';
import { hasErrorMarker, readApiSaid, type ApiSaid } from './api-error';
import type { Observation, ObservedResponse } from './observation';

/** The category a status code names by itself, or null for codes the guide does not name. */
export function categoryOfStatus(status: number): Category | null {
  if (status === 401 || status === 403 || status === 407) return 'authentication';
  if (status === 429) return 'rate_limiting';
  if (status === 400 || status === 422) return 'data_validation';
  if (status === 404 || status === 410) return 'not_found';
  // 408 request timeout; 504 and the gateway timeouts of proxies and CDNs (Cloudflare 522/524, 598/599).
  if ([408, 504, 522, 524, 598, 599].includes(status)) return 'network_timeout';
  if (status === 502 || status === 503 || status === 521) return 'service_unavailable';
  if (status >= 500) return 'server_error';
  return null;
}

export function isExpectedStatus(status: number, expected: readonly number[]): boolean {
  return expected.length > 0 ? expected.includes(status) : status >= 200 && status < 300;
}

/**
 * `401 invalid_token "The access token expired"` — what the API said, quoted. A named code is preferred to a
 * numeric one (Twilio's `20003`), which is shown only when it is not the status code again.
 */
function describeSaid(status: number, said: ApiSaid): string {
  const meaningful = said.codes.filter((c) => c.toLowerCase() !== 'error' && c !== String(status));
  const code = meaningful.find((c) => !/^\d+$/.test(c)) ?? meaningful[0];
  const message = said.messages[0];
  return [String(status), code, message ? `"${quote(message)}"` : null].filter(Boolean).join(' ');
}

function rateLimitSpecifics(observation: Observation): { detail: string; steps: string[] } {
  const rate = observation.rateLimit;
  const parts: string[] = [];
  const steps: string[] = [];
  if (rate?.remaining !== null && rate?.remaining !== undefined && rate.limit !== null) {
    parts.push(
      `${formatCount(rate.remaining)} of ${formatCount(rate.limit)} requests left${rate.resource ? ` (${rate.resource})` : ''}`,
    );
  }
  const resumeAt = rate?.retryAfterSeconds
    ? new Date(observation.now.getTime() + rate.retryAfterSeconds * 1000)
    : (rate?.resetAt ?? null);
  if (rate?.retryAfterSeconds) parts.push(`retry after ${formatDuration(rate.retryAfterSeconds)}`);
  else if (rate?.resetAt)
    parts.push(`resets in ${formatDuration((rate.resetAt.getTime() - observation.now.getTime()) / 1000)}`);
  if (resumeAt)
    steps.push(
      `Wait until ${formatInstant(resumeAt)} before calling again; retries before then only extend the block.`,
    );
  steps.push(
    'Find what else spends this budget (other jobs, keys shared between services) and spread or cache those calls.',
  );
  return { detail: parts.length ? `: ${parts.join(', ')}` : '', steps };
}

function authenticationFinding(response: ObservedResponse, said: ApiSaid, observation: Observation): Finding {
  const evidence = describeSaid(response.status, said);
  if (said.missingScope) {
    return down('authentication', `The credentials lack scope ${said.missingScope} (${evidence}).`, [
      `Check that the key or token has the scope ${said.missingScope}, then issue a new one if it does not.`,
    ]);
  }
  const expired = said.codes.concat(said.messages).some((t) => /expired/i.test(t));
  const revoked = said.codes.concat(said.messages).some((t) => /revoked/i.test(t));
  const what = expired ? 'expired' : revoked ? 'revoked' : 'refused';
  return down(
    'authentication',
    `The API ${what === 'refused' ? 'refused the credentials' : `says the credentials are ${what}`} (${evidence}).`,
    [
      expired || revoked
        ? 'Issue a new token or key and update this integration with it.'
        : `Check the ${observation.method} ${new URL(observation.url).pathname} credentials: the right key for this environment, not revoked, sent in the header the API expects.`,
    ],
  );
}

function findingFor(
  category: Category,
  response: ObservedResponse,
  said: ApiSaid,
  observation: Observation,
): Finding {
  const evidence = describeSaid(response.status, said);
  const path = new URL(observation.url).pathname;
  switch (category) {
    case 'authentication':
      return authenticationFinding(response, said, observation);
    case 'rate_limiting': {
      const { detail, steps } = rateLimitSpecifics(observation);
      return down('rate_limiting', `Rate limit reached${detail} (${evidence}).`, steps);
    }
    case 'data_validation':
      return down('data_validation', `The API rejected the request (${evidence}).`, [
        said.field
          ? `Check the field ${said.field} of the request body against the API's documentation.`
          : 'Compare the request body, query and Content-Type with what the API documents for this endpoint.',
      ]);
    case 'not_found':
      return down('not_found', `Not found: ${observation.method} ${path} (${evidence}).`, [
        `Check the path ${path}: API version, resource id and spelling (a 410 means the resource is gone for good).`,
      ]);
    case 'network_timeout':
      return down('network_timeout', `A gateway timed out waiting for the API (${evidence}).`, [
        'The proxy or CDN in front of the API gave up: check the API status page and whether this endpoint is slow for everyone.',
      ]);
    case 'service_unavailable': {
      const retry = observation.rateLimit?.retryAfterSeconds;
      return down(
        'service_unavailable',
        `The API is unavailable (${evidence})${retry ? `; it asks to retry after ${formatDuration(retry)}` : ''}.`,
        [
          'Check the provider status page for an incident or maintenance window before changing anything on your side.',
        ],
      );
    }
    case 'server_error': {
      const requestId = findRequestId(response);
      return down(
        'server_error',
        `The API failed with a server error (${evidence})${requestId ? `, request id ${requestId}` : ''}.`,
        [
          requestId
            ? `Report request id ${requestId} to the provider's support with the time of this probe.`
            : "Report the failure to the provider's support with the time of this probe and the response excerpt.",
        ],
      );
    }
    default:
      return down(category, `${evidence}.`);
  }
}

function findRequestId(response: ObservedResponse): string | null {
  const header =
    response.headers['x-request-id'] ??
    response.headers['request-id'] ??
    response.headers['x-amzn-requestid'] ??
    response.headers['cf-ray'];
  if (header) return header;
  const body = response.body;
  if (typeof body === 'object' && body !== null) {
    for (const key of ['request_id', 'requestId', 'trace_id', 'traceId']) {
      const value = (body as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
    }
  }
  return null;
}

/**
 * A response's category, or null when the response is a success. What the API says outranks the status code:
 * rate-limit and credential signals in the body or headers decide whatever the status, a 2xx error envelope is
 * a failure, and the status code decides the rest.
 */
export function classifyResponse(observation: Observation, response: ObservedResponse): Finding | null {
  const said = readApiSaid(response.body, response.headers);
  const texts = [...said.codes, ...said.messages];
  const expected = isExpectedStatus(response.status, observation.expectedStatus);
  const errorEnvelope = expected && response.status < 300 && hasErrorMarker(response.body);
  if (expected && !errorEnvelope) return null;

  const budgetSpent =
    observation.rateLimit?.remaining === 0 && response.status >= 400 && response.status < 500;
  const decisive =
    categoryNamedBy(texts, DECISIVE_SIGNALS) ??
    (budgetSpent || response.status === 429 ? 'rate_limiting' : null);
  const category =
    decisive ??
    (errorEnvelope ? null : categoryOfStatus(response.status)) ??
    categoryNamedBy(texts, HINT_SIGNALS) ??
    fallbackCategory(response.status, errorEnvelope);
  const finding = findingFor(category, response, said, observation);
  if (errorEnvelope)
    finding.message = `The API answered ${response.status} but its body reports an error: ${finding.message}`;
  else if (!categoryOfStatus(response.status) && !decisive) {
    const wanted = observation.expectedStatus.length ? observation.expectedStatus.join(', ') : 'a 2xx';
    finding.message = `Unexpected status ${response.status} (expected ${wanted}): ${finding.message}`;
  }
  return finding;
}

function fallbackCategory(status: number, errorEnvelope: boolean): Category {
  if (errorEnvelope) return 'server_error';
  // An unexpected redirect means the URL no longer points at the resource.
  if (status >= 300 && status < 400) return 'not_found';
  return 'data_validation';
}
