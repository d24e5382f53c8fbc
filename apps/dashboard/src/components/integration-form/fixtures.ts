import type { HttpIntegration, ProbeResult, WebhookIntegration } from '@ihm/contracts';

/** PEM-shaped text: the form only checks the PEM labels, the monitor reads the certificate and key. */
export const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';
export const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----';

/** A stored integration as the API returns it: secrets masked. */
export function storedIntegration(overrides: Partial<HttpIntegration> = {}): HttpIntegration {
  return {
    kind: 'http',
    id: 'int_1',
    name: 'Payments API',
    url: 'https://api.example.com/v1/status',
    method: 'GET',
    headers: { Accept: 'application/json', 'X-Api-Key': '********' },
    body: null,
    auth: { type: 'bearer', token: '********' },
    clientCertificate: null,
    signing: null,
    expectedStatus: [200, 204],
    responseSchema: { type: 'object', required: ['ok'] },
    intervalSeconds: 60,
    timeoutMs: 5000,
    latencyThresholdMs: null,
    rateLimitWarnPercent: 10,
    tokenExpiryWarnDays: 7,
    certificateExpiryWarnDays: 14,
    paused: false,
    tags: ['payments', 'eu'],
    managedBy: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A stored webhook integration: its secret masked, its receiver URL given by the monitor. */
export function storedWebhookIntegration(
  webhook: Partial<WebhookIntegration['webhook']> = {},
  overrides: Partial<Omit<WebhookIntegration, 'webhook'>> = {},
): WebhookIntegration {
  return {
    kind: 'webhook',
    id: 'wh_1',
    name: 'GitHub pushes',
    webhook: {
      scheme: 'github',
      secret: '********',
      hmac: null,
      maxSilenceSeconds: 900,
      toleranceSeconds: 300,
      activeHours: null,
      payloadSchema: null,
      ...webhook,
    },
    receiverUrl: 'https://monitor.example.com/api/webhooks/wh_1',
    paused: false,
    tags: ['ci'],
    managedBy: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

export function probeResult(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    integrationId: null,
    startedAt: '2026-11-25T12:00:00.000Z',
    status: 'down',
    category: 'authentication',
    httpStatus: 401,
    message: 'Bearer token expired 2 h ago (JWT exp)',
    timings: { dnsMs: 1.2, connectMs: 0.8, tlsMs: 4.1, ttfbMs: 120.5, totalMs: 131 },
    rateLimit: { limit: 5000, remaining: 12, resetAt: '2026-11-25T13:00:00.000Z', retryAfterSeconds: null },
    schemaErrors: [{ path: '/items/0/price', message: 'must be number' }],
    tls: { subject: 'api.example.com', issuer: 'Example CA', validTo: '2027-01-01T00:00:00.000Z' },
    tokenExpiresAt: '2026-11-25T10:00:00.000Z',
    evidence: {
      responseHeaders: { 'www-authenticate': 'Bearer error="invalid_token"' },
      bodyExcerpt: '{"error":"invalid_token"}',
    },
    troubleshooting: ['Validate credentials: renew the token.', 'Check the logs of both systems.'],
    ...overrides,
  };
}
