import { CATEGORIES, type Category } from './categories';
import { classify } from './classify';
import type { Observation, TransportFailure } from './observation';
import { parseRateLimit } from './rate-limit';
import type { ProbeStatus } from './status';

const now = new Date('2026-11-25T10:00:00.000Z');
const epoch = Math.floor(now.getTime() / 1000);
const DAY = 86_400_000;

function observe(
  overrides: Partial<Observation> & {
    headers?: Record<string, string>;
    status?: number;
    body?: unknown;
  } = {},
): Observation {
  const { headers = {}, status = 200, body = { ok: true }, ...rest } = overrides;
  return {
    now,
    url: 'https://api.example.com/v1/orders',
    method: 'GET',
    tokenFailure: null,
    failure: null,
    response: { status, headers, body },
    expectedStatus: [],
    schema: null,
    rateLimit: parseRateLimit(headers, now),
    tokenExpiresAt: null,
    certificate: null,
    totalMs: 120,
    timeoutMs: 10_000,
    thresholds: {
      latencyMs: null,
      rateLimitWarnPercent: 10,
      tokenExpiryWarnDays: 7,
      certificateExpiryWarnDays: 14,
    },
    ...rest,
  };
}

const transport = (phase: TransportFailure['phase'], code: string, message = code): Partial<Observation> => ({
  failure: { phase, code, message, host: 'api.example.com' },
  response: null,
  totalMs: null,
});

type Row = [string, Observation, ProbeStatus, Category | null, RegExp];

const rows: Row[] = [
  ['a healthy 200', observe(), 'up', null, /^OK \(200\)/],
  // authentication
  [
    '401 with WWW-Authenticate invalid_token',
    observe({
      status: 401,
      headers: {
        'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"',
      },
      body: '',
    }),
    'down',
    'authentication',
    /expired.*401 invalid_token "The access token expired"/,
  ],
  [
    '403 insufficient_scope naming the scope',
    observe({
      status: 403,
      body: { error: 'insufficient_scope', error_description: 'The token lacks scope orders:read' },
    }),
    'down',
    'authentication',
    /lack scope orders:read/,
  ],
  [
    '403 with GitHub accepted vs granted scopes',
    observe({
      status: 403,
      headers: { 'x-accepted-oauth-scopes': 'repo, read:org', 'x-oauth-scopes': 'repo' },
      body: { message: 'Resource not accessible by integration' },
    }),
    'down',
    'authentication',
    /scope read:org/,
  ],
  [
    '200 with an {"error":"invalid_token"} envelope',
    observe({ body: { error: 'invalid_token' } }),
    'down',
    'authentication',
    /answered 200 but its body reports an error/,
  ],
  [
    '200 with GraphQL UNAUTHENTICATED',
    observe({
      body: {
        data: null,
        errors: [{ message: 'You must be logged in', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    }),
    'down',
    'authentication',
    /UNAUTHENTICATED/,
  ],
  [
    'an expired bearer JWT',
    observe({ status: 401, body: '', tokenExpiresAt: new Date(now.getTime() - 2 * 3600_000) }),
    'down',
    'authentication',
    /expired 2 h ago \(JWT exp 2026-11-25 08:00 UTC\); the API answered 401/,
  ],
  [
    'a bearer JWT expiring in 3 days',
    observe({ tokenExpiresAt: new Date(now.getTime() + 3 * DAY) }),
    'degraded',
    'authentication',
    /expires in 3 d/,
  ],
  [
    'an OAuth2 token endpoint refusing the client',
    observe({
      tokenFailure: {
        tokenUrl: 'https://auth.example.com/token',
        transport: null,
        status: 401,
        error: 'invalid_client',
        description: 'Client authentication failed',
      },
    }),
    'down',
    'authentication',
    /token endpoint refused the client \(401 invalid_client "Client authentication failed"\)/,
  ],
  // rate limiting
  [
    '429 with Retry-After',
    observe({
      status: 429,
      headers: { 'retry-after': '30', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' },
      body: { error: 'rate_limit_exceeded' },
    }),
    'down',
    'rate_limiting',
    /0 of 100 requests left, retry after 30 s/,
  ],
  [
    '403 that is a GitHub rate limit (remaining 0)',
    observe({
      status: 403,
      headers: {
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': String(epoch + 540),
      },
      body: { message: 'API rate limit exceeded for 10.0.0.1.' },
    }),
    'down',
    'rate_limiting',
    /0 of 60 requests left \(core\), resets in 9 min/,
  ],
  [
    '400 whose body says "rate limit exceeded"',
    observe({ status: 400, body: { error: { message: 'Rate limit exceeded, slow down' } } }),
    'down',
    'rate_limiting',
    /Rate limit reached/,
  ],
  [
    '200 with 12 of 5,000 left',
    observe({ headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '12' } }),
    'degraded',
    'rate_limiting',
    /12 of 5,000 requests left/,
  ],
  [
    '200 with an exhausted budget',
    observe({ headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '0', 'ratelimit-reset': '60' } }),
    'down',
    'rate_limiting',
    /exhausted: 0 of 100.*resets in 60 s/,
  ],
  // data validation
  [
    '400 naming a parameter',
    observe({
      status: 400,
      body: { error: { type: 'invalid_request_error', message: 'Invalid email address', param: 'email' } },
    }),
    'down',
    'data_validation',
    /rejected the request \(400 invalid_request_error "Invalid email address"\)/,
  ],
  [
    '422 unprocessable',
    observe({ status: 422, body: { errors: [{ field: 'amount', message: 'must be positive' }] } }),
    'down',
    'data_validation',
    /422/,
  ],
  // schema mismatch
  [
    'a renamed field',
    observe({
      schema: {
        outcome: 'invalid',
        errors: [
          { path: '/items/0/name', message: "must have required property 'name'" },
          { path: '/items/0/price', message: 'must be number' },
        ],
      },
    }),
    'down',
    'schema_mismatch',
    /breaks the schema at \/items\/0\/name: must have required property 'name' \(and 1 more\)/,
  ],
  [
    'HTML instead of JSON',
    observe({ body: '<html>Login</html>', schema: { outcome: 'not_json', contentType: 'text/html' } }),
    'down',
    'schema_mismatch',
    /not JSON \(Content-Type text\/html\)/,
  ],
  ['truncated JSON', observe({ schema: { outcome: 'truncated' } }), 'down', 'schema_mismatch', /cut off/],
  [
    'a body over the cap',
    observe({ schema: { outcome: 'too_large', capBytes: 1_048_576 } }),
    'down',
    'schema_mismatch',
    /1,048,576-byte limit/,
  ],
  // network timeout
  [
    'a server that never answers',
    observe(transport('headers', 'DEADLINE')),
    'down',
    'network_timeout',
    /Timed out after 10,000 ms while waiting for response headers/,
  ],
  [
    'a trickling body',
    observe(transport('body', 'DEADLINE')),
    'down',
    'network_timeout',
    /while reading the response body/,
  ],
  [
    '504 from a gateway',
    observe({ status: 504, body: '<html>Gateway Timeout</html>' }),
    'down',
    'network_timeout',
    /gateway timed out/,
  ],
  ['Cloudflare 524', observe({ status: 524, body: '' }), 'down', 'network_timeout', /524/],
  [
    '200 over its latency threshold',
    observe({
      totalMs: 1500,
      thresholds: {
        latencyMs: 500,
        rateLimitWarnPercent: 10,
        tokenExpiryWarnDays: 7,
        certificateExpiryWarnDays: 14,
      },
    }),
    'degraded',
    'network_timeout',
    /1,500 ms, over the 500 ms threshold/,
  ],
  // connectivity
  [
    'a DNS failure',
    observe(transport('dns', 'ENOTFOUND')),
    'down',
    'connectivity',
    /DNS lookup of api.example.com failed: no such host \(ENOTFOUND\)/,
  ],
  [
    'a DNS failure of a kind without a sentence of its own',
    observe(transport('dns', 'ECONNREFUSED', 'queryA ECONNREFUSED api.example.com')),
    'down',
    'connectivity',
    /DNS lookup of api.example.com failed: queryA ECONNREFUSED api.example.com \(ECONNREFUSED\)/,
  ],
  [
    'plain HTTP behind an https:// URL',
    observe(transport('tls', 'EPROTO', 'SSL routines:ssl3_get_record:wrong version number')),
    'down',
    'connectivity',
    /did not answer in TLS \(plain HTTP on an https:\/\/ URL, or the wrong port\?\)/,
  ],
  [
    'a server that wants a client certificate',
    observe(transport('tls', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')),
    'down',
    'authentication',
    /refused the TLS handshake: it asks for a client certificate \(mutual TLS\) and none was presented/,
  ],
  [
    'a client certificate from an issuer the server does not trust',
    observe(transport('tls', 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA')),
    'down',
    'authentication',
    /does not trust the issuer of the client certificate \(ERR_SSL_TLSV1_ALERT_UNKNOWN_CA\)/,
  ],
  [
    'an expired client certificate',
    observe(transport('tls', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED')),
    'down',
    'authentication',
    /the client certificate has expired/,
  ],
  [
    'a port that does not speak HTTP',
    observe(transport('headers', 'HTTPParserError', 'Response does not match the HTTP/1.1 protocol')),
    'down',
    'connectivity',
    /its answer is not HTTP \(Response does not match the HTTP\/1.1 protocol\): another protocol/,
  ],
  [
    'a target the outbound guard refused, at lookup or for its literal address',
    observe(
      transport(
        'dns',
        'OUTBOUND_REFUSED',
        'refused by the outbound guard: api.example.com resolves to 10.0.0.5, a private (RFC 1918) address; set ALLOWED_TARGET_CIDRS (or ALLOW_PRIVATE_TARGETS=true) to allow it',
      ),
    ),
    'down',
    'connectivity',
    /^Refused by the outbound guard: api\.example\.com resolves to 10\.0\.0\.5, a private .*ALLOWED_TARGET_CIDRS/,
  ],
  [
    'a refused connection',
    observe(transport('connect', 'ECONNREFUSED')),
    'down',
    'connectivity',
    /connection refused \(ECONNREFUSED\)/,
  ],
  [
    'a reset connection',
    observe(transport('headers', 'ECONNRESET')),
    'down',
    'connectivity',
    /connection reset/,
  ],
  [
    'a self-signed certificate',
    observe(transport('tls', 'DEPTH_ZERO_SELF_SIGNED_CERT')),
    'down',
    'connectivity',
    /self-signed/,
  ],
  [
    'an expired certificate',
    observe(transport('tls', 'CERT_HAS_EXPIRED')),
    'down',
    'connectivity',
    /certificate has expired/,
  ],
  [
    'a wrong-host certificate',
    observe(transport('tls', 'ERR_TLS_CERT_ALTNAME_INVALID')),
    'down',
    'connectivity',
    /does not cover this host name/,
  ],
  [
    'a certificate expiring in 5 days',
    observe({ certificate: { subject: 'api.example.com', validTo: new Date(now.getTime() + 5 * DAY) } }),
    'degraded',
    'connectivity',
    /expires in 5 d \(2026-11-30 10:00 UTC\)/,
  ],
  // not found
  [
    '404',
    observe({ status: 404, body: { error: 'not_found', message: 'No widget with id 999' } }),
    'down',
    'not_found',
    /Not found: GET \/v1\/orders/,
  ],
  [
    '404 from Stripe (invalid_request_error type)',
    observe({
      status: 404,
      body: {
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: "No such customer: 'cus_1'",
        },
      },
    }),
    'down',
    'not_found',
    /No such customer/,
  ],
  ['410 gone', observe({ status: 410, body: '' }), 'down', 'not_found', /410/],
  [
    'a redirect loop',
    observe(transport('redirect', 'REDIRECT_LOOP', 'Redirect loop: /a → /b → /a')),
    'down',
    'not_found',
    /Redirect loop/,
  ],
  // server error / unavailable
  [
    '500 with a request id',
    observe({ status: 500, body: { error: 'internal_error', request_id: 'req_1' } }),
    'down',
    'server_error',
    /request id req_1/,
  ],
  ['501', observe({ status: 501, body: '' }), 'down', 'server_error', /501/],
  [
    '503 with Retry-After (not a rate limit)',
    observe({ status: 503, headers: { 'retry-after': '120' }, body: { error: 'maintenance' } }),
    'down',
    'service_unavailable',
    /retry after 2 min/,
  ],
  [
    '502 bad gateway',
    observe({ status: 502, body: '<html>Bad Gateway</html>' }),
    'down',
    'service_unavailable',
    /502/,
  ],
  [
    '503 that says rate limit',
    observe({ status: 503, body: { message: 'Too many requests, throttled' } }),
    'down',
    'rate_limiting',
    /Rate limit/,
  ],
  // expected status
  [
    'a 404 the integration expects',
    observe({ status: 404, body: '', expectedStatus: [404] }),
    'up',
    null,
    /OK \(404\)/,
  ],
  [
    'a 200 when 201 is expected',
    observe({ status: 200, expectedStatus: [201] }),
    'down',
    'data_validation',
    /Unexpected status 200 \(expected 201\)/,
  ],
  [
    'a healthy 200 listing items with error fields',
    observe({ body: { items: [{ error: null, code: 'ORDER_NOT_FOUND' }] } }),
    'up',
    null,
    /OK/,
  ],
  ['a 200 with "error": null', observe({ body: { error: null, data: [] } }), 'up', null, /OK/],
  // An http integration that signs its request as a webhook provider: the team's own endpoint is under test.
  [
    'a signed delivery refused with 401',
    observe({ status: 401, method: 'POST', signedAs: 'github', body: { error: 'bad signature' } }),
    'down',
    'misconfigured_webhook',
    /^your endpoint rejected a correctly signed delivery \(401\): its secret or verification differs/,
  ],
  [
    'a signed delivery to a path with no handler',
    observe({
      status: 404,
      url: 'https://hooks.example.com/webhooks/stripe',
      signedAs: 'stripe',
      body: 'Not Found',
    }),
    'down',
    'misconfigured_webhook',
    /^no webhook handler at \/webhooks\/stripe \(404\)/,
  ],
  [
    'a signed delivery whose handler is slow',
    observe({
      response: null,
      signedAs: 'standard',
      timeoutMs: 5000,
      failure: { phase: 'headers', code: 'DEADLINE', message: 'deadline', host: 'hooks.example.com' },
    }),
    'down',
    'network_timeout',
    /^your webhook handler did not answer within 5,000 ms: providers give up after a few seconds/,
  ],
  [
    'a signed delivery answered 500 is a server error as any',
    observe({ status: 500, signedAs: 'github', body: 'boom' }),
    'down',
    'server_error',
    /500/,
  ],
];

/** Error responses as real APIs send them, beyond the cases above: the category, and the evidence quoted. */
const providers: Row[] = [
  [
    'Slack: 200 with ok=false and the missing scope in `needed`',
    observe({ body: { ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'users:read' } }),
    'down',
    'authentication',
    /lack scope chat:write \(200 missing_scope\)/,
  ],
  [
    'Slack: 200 ratelimited',
    observe({ body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '30' } }),
    'down',
    'rate_limiting',
    /retry after 30 s/,
  ],
  [
    'AWS JSON protocol: 400 ThrottlingException in __type',
    observe({
      status: 400,
      body: { __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate exceeded' },
    }),
    'down',
    'rate_limiting',
    /\(400 ThrottlingException "Rate exceeded"\)/,
  ],
  [
    'AWS XML: 403 AccessDenied',
    observe({
      status: 403,
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>X1</RequestId></Error>',
    }),
    'down',
    'authentication',
    /\(403 AccessDenied "Access Denied"\)/,
  ],
  [
    'SOAP fault: 500 with faultcode and faultstring',
    observe({
      status: 500,
      body: '<soap:Envelope><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Object reference not set</faultstring></soap:Fault></soap:Body></soap:Envelope>',
    }),
    'down',
    'server_error',
    /\(500 soap:Server "Object reference not set"\)/,
  ],
  [
    'Twilio: numeric code and message',
    observe({ status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } }),
    'down',
    'authentication',
    /\(401 20003 "Authenticate"\)/,
  ],
  [
    'Google: numeric code beside the status name',
    observe({
      status: 429,
      body: {
        error: { code: 429, message: 'Quota exceeded for quota metric', status: 'RESOURCE_EXHAUSTED' },
      },
    }),
    'down',
    'rate_limiting',
    /\(429 RESOURCE_EXHAUSTED "Quota exceeded for quota metric"\)/,
  ],
  [
    'problem+json: the type URL is not quoted, the title is',
    observe({
      status: 401,
      body: { type: 'https://example.com/probs/auth', title: 'API Key Invalid', status: 401, detail: 'x' },
    }),
    'down',
    'authentication',
    /\(401 "API Key Invalid"\)/,
  ],
  [
    'Shopify: errors as one string',
    observe({ status: 401, body: { errors: '[API] Invalid API key or access token' } }),
    'down',
    'authentication',
    /"\[API\] Invalid API key or access token"/,
  ],
  [
    'Shopify: Retry-After with a fraction',
    observe({
      status: 429,
      body: { errors: 'Exceeded 2 calls per second' },
      headers: { 'retry-after': '2.0' },
    }),
    'down',
    'rate_limiting',
    /retry after 2 s/,
  ],
  [
    'Azure: retry-after-ms',
    observe({
      status: 429,
      body: { error: { code: '429', message: 'Rate limit is exceeded.' } },
      headers: { 'retry-after-ms': '1500' },
    }),
    'down',
    'rate_limiting',
    /retry after 2 s \(429 "Rate limit is exceeded\."\)/,
  ],
  [
    'Cloudflare: 522 HTML page, its title quoted',
    observe({
      status: 522,
      headers: { 'content-type': 'text/html' },
      body: '<!DOCTYPE html><html><head><title>example.com | 522: Connection timed out</title></head><body><h1>Connection timed out</h1></body></html>',
    }),
    'down',
    'network_timeout',
    /\(522 "example\.com \| 522: Connection timed out"\)/,
  ],
  [
    'an HTML page without title or heading: its text, markup stripped',
    observe({ status: 500, body: '<html><body><p>Something went &amp; wrong</p></body></html>' }),
    'down',
    'server_error',
    /\(500 "Something went & wrong"\)/,
  ],
];

describe(classify.name, () => {
  it.each([...rows, ...providers])('%s', (_label, observation, status, category, message) => {
    const verdict = classify(observation);
    expect({ status: verdict.status, category: verdict.category }).toEqual({ status, category });
    expect(verdict.message).toMatch(message);
    if (category) expect(verdict.troubleshooting.length).toBeGreaterThanOrEqual(3);
  });

  it('reaches every category of the guide across these tables', () => {
    const reached = new Set<Category | null>(
      [...rows, ...providers].map(([, observation]) => classify(observation).category),
    );
    expect(CATEGORIES.filter((category) => reached.has(category))).toEqual([...CATEGORIES]);
  });

  it('puts the step made specific by the evidence first', () => {
    const verdict = classify(
      observe({ status: 403, body: { error: 'insufficient_scope', scope: 'orders:read' } }),
    );
    expect(verdict.troubleshooting[0]).toBe(
      'Check that the key or token has the scope orders:read, then issue a new one if it does not.',
    );
  });

  it.each<[string, unknown]>([
    [
      'JSON:API source.pointer',
      { errors: [{ title: 'Invalid Attribute', source: { pointer: '/data/attributes/email' } }] },
    ],
    [
      'Google fieldViolations',
      {
        error: {
          status: 'INVALID_ARGUMENT',
          details: [{ fieldViolations: [{ field: '/data/attributes/email' }] }],
        },
      },
    ],
    [
      'PayPal details[].field',
      { name: 'UNPROCESSABLE_ENTITY', details: [{ field: '/data/attributes/email', issue: 'INVALID' }] },
    ],
  ])('names the field a 422 points at (%s) in the steps', (_label, body) => {
    const verdict = classify(observe({ status: 422, body }));
    expect(verdict.category).toBe('data_validation');
    expect(verdict.troubleshooting).toContain(
      "Check the field /data/attributes/email of the request body against the API's documentation.",
    );
  });

  it.each([
    ['api.example.com', 'api.example.com:443 -servername api.example.com'],
    ['api.example.com:8443', 'api.example.com:8443 -servername api.example.com'],
    ['[2001:db8::1]:8443', '[2001:db8::1]:8443 -servername 2001:db8::1'],
  ])('points openssl at %s the way the probe connected', (host, target) => {
    const verdict = classify(
      observe({ failure: { phase: 'tls', code: 'CERT_HAS_EXPIRED', message: 'x', host }, response: null }),
    );
    expect(verdict.troubleshooting).toContain(
      `Inspect the certificate: openssl s_client -connect ${target}.`,
    );
  });

  it('looks up the host name without its port', () => {
    const verdict = classify(
      observe({
        failure: { phase: 'dns', code: 'ENOTFOUND', message: 'x', host: 'api.example.com:8443' },
        response: null,
      }),
    );
    expect(verdict.message).toBe('DNS lookup of api.example.com failed: no such host (ENOTFOUND).');
    expect(verdict.troubleshooting[0]).toBe(
      "Check the host name api.example.com for typos and that it resolves from the monitor's machine (dig api.example.com).",
    );
  });

  it('prefers a failure to reach the API over an expired token', () => {
    const verdict = classify(observe({ ...transport('dns', 'ENOTFOUND'), tokenExpiresAt: new Date(0) }));
    expect(verdict.category).toBe('connectivity');
  });
});
