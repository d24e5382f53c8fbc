import { toFieldErrors } from './error-body.contract';
import { CreateIntegrationRequestSchema, UpdateIntegrationRequestSchema } from './integration.contract';

const valid = { name: 'Stripe charges', url: 'https://api.stripe.com/v1/charges' };
const hook = { kind: 'webhook', name: 'Stripe events', webhook: { scheme: 'stripe', secret: 'whsec_abc' } };

/** One row per rejection: the field it names and the exact message a user sees. */
const rejections: [string, Record<string, unknown>, string, string][] = [
  ['missing name', { url: valid.url }, 'name', 'name is required'],
  ['blank name', { ...valid, name: '  ' }, 'name', 'name must not be empty'],
  [
    'ftp URL',
    { ...valid, url: 'ftp://files.example.com' },
    'url',
    'must be an absolute http:// or https:// URL',
  ],
  ['relative URL', { ...valid, url: '/v1/charges' }, 'url', 'must be an absolute http:// or https:// URL'],
  [
    'unknown method',
    { ...valid, method: 'FETCH' },
    'method',
    'method must be one of: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  ],
  [
    'header with a newline',
    { ...valid, headers: { 'X-A': 'a\r\nInjected: 1' } },
    'headers.X-A',
    'must not contain line breaks',
  ],
  [
    'bad header name',
    { ...valid, headers: { 'Bad Header': 'x' } },
    'headers.Bad Header',
    'must be a valid HTTP header name',
  ],
  [
    'unknown auth type',
    { ...valid, auth: { type: 'digest' } },
    'auth.type',
    'type must be one of: none, apiKey, bearer, basic, oauth2ClientCredentials',
  ],
  ['bearer without token', { ...valid, auth: { type: 'bearer' } }, 'auth.token', 'token is required'],
  [
    'apiKey in the body',
    { ...valid, auth: { type: 'apiKey', in: 'body', name: 'k', value: 'v' } },
    'auth.in',
    'must be "header" or "query"',
  ],
  [
    'basic without password',
    { ...valid, auth: { type: 'basic', username: 'u' } },
    'auth.password',
    'password is required',
  ],
  [
    'oauth2 with a bad token URL',
    {
      ...valid,
      auth: { type: 'oauth2ClientCredentials', tokenUrl: 'nope', clientId: 'c', clientSecret: 's' },
    },
    'auth.tokenUrl',
    'must be an absolute http:// or https:// URL',
  ],
  [
    'unknown auth field',
    { ...valid, auth: { type: 'bearer', token: 't', extra: 1 } },
    'auth.extra',
    'is not a known field',
  ],
  [
    'status out of range',
    { ...valid, expectedStatus: [200, 700] },
    'expectedStatus.1',
    'status code must be at most 599',
  ],
  [
    'repeated status',
    { ...valid, expectedStatus: [200, 200] },
    'expectedStatus',
    'status codes must not repeat',
  ],
  [
    'schema not an object',
    { ...valid, responseSchema: 'object' },
    'responseSchema',
    'responseSchema must be a JSON Schema object',
  ],
  [
    'interval under 10 s',
    { ...valid, intervalSeconds: 5 },
    'intervalSeconds',
    'intervalSeconds must be at least 10',
  ],
  [
    'fractional interval',
    { ...valid, intervalSeconds: 10.5 },
    'intervalSeconds',
    'intervalSeconds must be a whole number',
  ],
  [
    'timeout over the interval',
    { ...valid, intervalSeconds: 10, timeoutMs: 15000 },
    'timeoutMs',
    'timeoutMs must not exceed the interval (10000 ms)',
  ],
  ['body on a GET', { ...valid, body: '{}' }, 'body', 'a GET request cannot have a body'],
  [
    'percent over 100',
    { ...valid, rateLimitWarnPercent: 150 },
    'rateLimitWarnPercent',
    'rateLimitWarnPercent must be at most 100',
  ],
  ['paused as a string', { ...valid, paused: 'yes' }, 'paused', 'paused must be true or false'],
  ['repeated tags', { ...valid, tags: ['a', 'a'] }, 'tags', 'tags must not repeat'],
  ['unknown field', { ...valid, intervalSecond: 30 }, 'intervalSecond', 'is not a known field'],
  ['unknown kind', { ...valid, kind: 'grpc' }, 'kind', 'kind must be one of: http, webhook'],
  [
    'signing with none',
    { ...valid, method: 'POST', signing: { scheme: 'none', secret: 's' } },
    'signing.scheme',
    'signing needs one of the schemes: standard, github, stripe, slack, shopify, twilio, hmac',
  ],
  [
    'signing without a secret',
    { ...valid, method: 'POST', signing: { scheme: 'github' } },
    'signing.secret',
    'secret is required',
  ],
  [
    'webhook without its block',
    { kind: 'webhook', name: 'w' },
    'webhook',
    'Invalid input: expected object, received undefined',
  ],
  ['webhook with a URL', { ...hook, url: 'https://example.com' }, 'url', 'is not a known field'],
  [
    'webhook scheme without a secret',
    { ...hook, webhook: { scheme: 'github' } },
    'webhook.secret',
    'the github scheme needs a secret',
  ],
  [
    'hmac scheme without its header',
    { ...hook, webhook: { scheme: 'hmac', secret: 's' } },
    'webhook.hmac',
    'the hmac scheme needs { header, encoding, prefix? }',
  ],
  [
    'hmac block on another scheme',
    { ...hook, webhook: { scheme: 'github', secret: 's', hmac: { header: 'X-Sig' } } },
    'webhook.hmac',
    'hmac applies to the hmac scheme only',
  ],
  [
    'standard secret that is not base64',
    { ...hook, webhook: { scheme: 'standard', secret: 'whsec_not base64!' } },
    'webhook.secret',
    'a Standard Webhooks secret is base64, usually with a whsec_ prefix',
  ],
  [
    'silence window of zero',
    { ...hook, webhook: { scheme: 'none', maxSilenceSeconds: 0 } },
    'webhook.maxSilenceSeconds',
    'maxSilenceSeconds must be at least 1',
  ],
  [
    'unknown time zone',
    { ...hook, webhook: { scheme: 'none', activeHours: { timeZone: 'Mars/Olympus' } } },
    'webhook.activeHours.timeZone',
    'timeZone must be an IANA time zone (Europe/Berlin)',
  ],
  [
    'working hours ending before they start',
    { ...hook, webhook: { scheme: 'none', activeHours: { timeZone: 'UTC', start: '18:00', end: '09:00' } } },
    'webhook.activeHours.end',
    'end must be after start',
  ],
  [
    'payload schema that does not compile',
    { ...hook, webhook: { scheme: 'none', payloadSchema: { type: 'nope' } } },
    'webhook.payloadSchema',
    expect.stringContaining('is not a valid JSON Schema') as unknown as string,
  ],
];

describe('CreateIntegrationRequestSchema', () => {
  it.each(rejections)('rejects %s', (_label, input, field, message) => {
    const result = CreateIntegrationRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(toFieldErrors(result.error!)).toContainEqual({ field, message });
  });

  it('fills in the documented defaults', () => {
    expect(CreateIntegrationRequestSchema.parse(valid)).toEqual({
      ...valid,
      method: 'GET',
      headers: {},
      body: null,
      kind: 'http',
      auth: { type: 'none' },
      clientCertificate: null,
      signing: null,
      expectedStatus: [],
      responseSchema: null,
      intervalSeconds: 60,
      timeoutMs: 10000,
      latencyThresholdMs: null,
      rateLimitWarnPercent: 10,
      tokenExpiryWarnDays: 7,
      certificateExpiryWarnDays: 14,
      paused: false,
      tags: [],
    });
  });

  it("fills in a webhook receiver's defaults", () => {
    expect(CreateIntegrationRequestSchema.parse(hook)).toEqual({
      ...hook,
      webhook: {
        scheme: 'stripe',
        secret: 'whsec_abc',
        hmac: null,
        maxSilenceSeconds: 900,
        toleranceSeconds: 300,
        activeHours: null,
        payloadSchema: null,
      },
      paused: false,
      tags: [],
    });
  });

  it('fills in working hours and the generic HMAC encoding', () => {
    const parsed = CreateIntegrationRequestSchema.parse({
      ...hook,
      webhook: {
        scheme: 'hmac',
        secret: 's',
        hmac: { header: 'X-Signature' },
        activeHours: { timeZone: 'Europe/Berlin' },
      },
    });
    expect(parsed.kind === 'webhook' && parsed.webhook).toMatchObject({
      hmac: { header: 'X-Signature', encoding: 'hex', prefix: '' },
      activeHours: {
        timeZone: 'Europe/Berlin',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start: '09:00',
        end: '17:00',
      },
    });
  });

  it('upper-cases the method and trims the name', () => {
    expect(
      CreateIntegrationRequestSchema.parse({ ...valid, name: ' x ', method: 'post', body: '{}' }),
    ).toMatchObject({
      name: 'x',
      method: 'POST',
    });
  });
});

describe('UpdateIntegrationRequestSchema', () => {
  it('accepts a single field and refuses an empty update', () => {
    expect(UpdateIntegrationRequestSchema.parse({ paused: true })).toEqual({ paused: true });
    expect(toFieldErrors(UpdateIntegrationRequestSchema.safeParse({}).error!)).toEqual([
      { field: '(body)', message: 'the update names no field' },
    ]);
  });
});
