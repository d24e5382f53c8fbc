import type { HttpObservation } from '@ihm/probe';

/** What a probe of `url` saw when the API answered `status` with `body` (JSON) and `headers`. */
export function httpObservation(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  now = new Date('2026-12-01T10:00:00.000Z'),
): HttpObservation {
  const text = JSON.stringify(body);
  const responseHeaders = { 'content-type': 'application/json', ...headers };
  return {
    observation: {
      now,
      url: 'https://api.example.com/v1/orders',
      method: 'GET',
      tokenFailure: null,
      failure: null,
      response: { status, headers: responseHeaders, body },
      expectedStatus: [],
      schema: null,
      rateLimit: null,
      tokenExpiresAt: null,
      certificate: null,
      totalMs: 42,
      timeoutMs: 10_000,
      thresholds: {
        latencyMs: null,
        rateLimitWarnPercent: 10,
        tokenExpiryWarnDays: 7,
        certificateExpiryWarnDays: 14,
      },
    },
    timings: { dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 30, totalMs: 42 },
    certificate: {
      subject: 'api.example.com',
      issuer: 'Test CA',
      validTo: new Date('2027-01-01T00:00:00.000Z'),
    },
    obtainedSecrets: [],
    rawEvidence: { responseHeaders, bodyExcerpt: text },
  };
}
