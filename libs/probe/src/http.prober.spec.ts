import { HttpDefinitionSchema, type HttpIntegrationRequest } from '@ihm/contracts';
import { createSandboxServer } from '@ihm/sandbox';
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { classify } from '@ihm/diagnosis';
import { probeHttp, type ProbeOptions } from './http.prober';
import { OAuthTokenCache } from './oauth-token';
import { outboundPolicy } from './outbound-guard';
import { redactionFor } from './redaction';

// Certificates made once with openssl (see test/fixtures/tls): a test CA, and leaves that are valid for
// localhost until 2126, expired in 2021, issued for another host, and self-signed.
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'test', 'fixtures', 'tls', name));
const ca = fixture('ca.pem');

/** The test servers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

async function listen(server: Server, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `${host}:${(server.address() as AddressInfo).port}`;
}

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(server: Server, host?: string): Promise<string> {
  servers.push(server);
  return listen(server, host);
}

/** Probes with the options as given (the default outbound policy unless they set one), then classifies. */
async function probeAsGiven(
  definition: Partial<HttpIntegrationRequest> & { url: string },
  options: ProbeOptions = {},
) {
  const observed = await probeHttp(
    HttpDefinitionSchema.parse({ name: 'under test', ...definition }),
    options,
  );
  return { ...observed, ...classify(observed.observation) };
}

/**
 * Probes, then classifies what the probe saw: the tests read the prober's observations through the verdict.
 * Loopback is allowed unless the options set another policy: the test servers listen there.
 */
async function probe(
  definition: Partial<HttpIntegrationRequest> & { url: string },
  options: ProbeOptions = {},
) {
  return probeAsGiven(definition, { outbound: LOOPBACK, ...options });
}

/** A server that answers `{}` and counts the requests it receives. */
function countingServer(handler?: (req: IncomingMessage, res: ServerResponse) => void) {
  let requests = 0;
  const server = createHttpServer((req, res) => {
    requests += 1;
    if (handler) return handler(req, res);
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
  return {
    server,
    get requests() {
      return requests;
    },
  };
}

const SCHEMA = { type: 'object', required: ['items'], properties: { items: { type: 'array' } } };

describe(probeHttp.name, () => {
  let sandbox: string;
  beforeAll(async () => {
    sandbox = `http://${await start(createSandboxServer())}`;
  });

  type Row = [
    string,
    Partial<HttpIntegrationRequest>,
    { status: string; category: string | null; message: RegExp },
  ];
  const rows: Row[] = [
    [
      'healthy JSON with a schema',
      { url: '/v1/widgets', responseSchema: SCHEMA },
      { status: 'up', category: null, message: /^OK \(200\)/ },
    ],
    [
      'a 401 with an expired token',
      { url: '/auth/expired-token' },
      { status: 'down', category: 'authentication', message: /401 invalid_token/ },
    ],
    [
      'a 403 missing scope',
      { url: '/auth/missing-scope' },
      { status: 'down', category: 'authentication', message: /scope orders:read/ },
    ],
    [
      'a 200 auth error envelope',
      { url: '/auth/error-envelope' },
      { status: 'down', category: 'authentication', message: /revoked/ },
    ],
    [
      'a GraphQL UNAUTHENTICATED',
      { url: '/graphql/unauthenticated' },
      { status: 'down', category: 'authentication', message: /UNAUTHENTICATED/ },
    ],
    [
      'a 429',
      { url: '/rate-limit/exceeded' },
      { status: 'down', category: 'rate_limiting', message: /retry after 30 s/ },
    ],
    [
      'a GitHub-style 403 rate limit',
      { url: '/rate-limit/github-403' },
      { status: 'down', category: 'rate_limiting', message: /0 of 60 requests left \(core\)/ },
    ],
    [
      'a low IETF budget',
      { url: '/rate-limit/ietf' },
      { status: 'degraded', category: 'rate_limiting', message: /3 of 100 requests left/ },
    ],
    [
      'a rejected request body',
      { url: '/v1/customers', method: 'POST', body: '{"email":"x"}' },
      { status: 'down', category: 'data_validation', message: /400/ },
    ],
    [
      'a renamed field',
      {
        url: '/v2/widgets',
        responseSchema: {
          type: 'object',
          properties: { items: { type: 'array', items: { required: ['name'] } } },
        },
      },
      { status: 'down', category: 'schema_mismatch', message: /\/items\/0\/name/ },
    ],
    [
      'HTML instead of JSON',
      { url: '/html', responseSchema: SCHEMA },
      { status: 'down', category: 'schema_mismatch', message: /not JSON \(Content-Type text\/html/ },
    ],
    [
      'truncated JSON',
      { url: '/truncated-json', responseSchema: SCHEMA },
      { status: 'down', category: 'schema_mismatch', message: /cut off/ },
    ],
    [
      'a huge body',
      { url: '/huge', responseSchema: SCHEMA },
      { status: 'down', category: 'schema_mismatch', message: /1,048,576-byte limit/ },
    ],
    [
      'a gzip bomb',
      { url: '/gzip-bomb', responseSchema: SCHEMA },
      { status: 'down', category: 'schema_mismatch', message: /1,048,576-byte limit/ },
    ],
    [
      'a 404',
      { url: '/v1/widgets/999' },
      { status: 'down', category: 'not_found', message: /Not found: GET \/v1\/widgets\/999/ },
    ],
    [
      'a 500',
      { url: '/server-error' },
      { status: 'down', category: 'server_error', message: /request id req_7f3a9c/ },
    ],
    [
      'a 503',
      { url: '/maintenance' },
      { status: 'down', category: 'service_unavailable', message: /retry after 2 min/ },
    ],
    ['a 502', { url: '/bad-gateway' }, { status: 'down', category: 'service_unavailable', message: /502/ }],
    ['a 504', { url: '/gateway-timeout' }, { status: 'down', category: 'network_timeout', message: /504/ }],
    [
      'a slow answer over its threshold',
      { url: '/slow', latencyThresholdMs: 500 },
      { status: 'degraded', category: 'network_timeout', message: /over the 500 ms threshold/ },
    ],
    [
      'a server that never answers',
      { url: '/hanging', timeoutMs: 500 },
      {
        status: 'down',
        category: 'network_timeout',
        message: /after 500 ms while waiting for response headers/,
      },
    ],
    [
      'a body that trickles',
      { url: '/trickle', timeoutMs: 800 },
      { status: 'down', category: 'network_timeout', message: /while reading the response body/ },
    ],
    [
      'a redirect loop',
      { url: '/redirect-loop/a' },
      {
        status: 'down',
        category: 'not_found',
        message: /Redirect loop: \/redirect-loop\/a → \/redirect-loop\/b → \/redirect-loop\/a/,
      },
    ],
    [
      'a reset connection',
      { url: '/reset' },
      { status: 'down', category: 'connectivity', message: /ECONNRESET|closed/ },
    ],
  ];

  it.each(rows)('%s', async (_label, definition, expected) => {
    const startedAt = Date.now();
    const result = await probe({ ...definition, url: sandbox + definition.url });
    expect({ status: result.status, category: result.category }).toEqual({
      status: expected.status,
      category: expected.category,
    });
    expect(result.message).toMatch(expected.message);
    // However hostile the target, the probe ends by the deadline (plus scheduling slack).
    expect(Date.now() - startedAt).toBeLessThan((definition.timeoutMs ?? 10_000) + 1000);
  });

  it('reports phase timings, the rate-limit budget and the evidence of a healthy call', async () => {
    const result = await probe({ url: `${sandbox}/v1/widgets` });
    expect(result.timings.connectMs).toBeGreaterThan(0);
    expect(result.timings.ttfbMs).toBeGreaterThan(0);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.ttfbMs ?? 0);
    expect(result.observation.rateLimit).toMatchObject({ limit: 5000, remaining: 4990 });
    expect(result.rawEvidence?.bodyExcerpt).toContain('"Widget"');
  });

  it.each([
    ['by default', {}, 2048],
    ['as much as asked (a dry run)', { evidenceBodyBytes: 100_000 }, 100_000],
  ])('keeps the beginning of the body as evidence: %s', async (_label, options, bytes) => {
    const result = await probe({ url: `${sandbox}/huge` }, options);
    expect(Buffer.byteLength(result.rawEvidence!.bodyExcerpt!)).toBe(bytes);
  });

  it('fetches an OAuth2 token once, reuses it, and names a refused client', async () => {
    const tokenCache = new OAuthTokenCache();
    const auth = {
      type: 'oauth2ClientCredentials' as const,
      tokenUrl: `${sandbox}/oauth/token`,
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
    };
    expect((await probe({ url: `${sandbox}/oauth/orders`, auth }, { tokenCache })).status).toBe('up');
    expect((await probe({ url: `${sandbox}/oauth/orders`, auth }, { tokenCache })).status).toBe('up');
    const refused = await probe(
      { url: `${sandbox}/oauth/orders`, auth: { ...auth, clientSecret: 'wrong-secret' } },
      { tokenCache },
    );
    expect(refused).toMatchObject({ status: 'down', category: 'authentication' });
    expect(refused.observation.response).toBeNull();
    expect(refused.message).toMatch(
      /token endpoint refused the client \(401 invalid_client "Client authentication failed"\)/,
    );
  });

  it('sends the client credentials in the form body with client_secret_post', async () => {
    const forms: string[] = [];
    const host = await start(
      createHttpServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          res.setHeader('content-type', 'application/json');
          if (req.url === '/token') {
            forms.push(`${req.headers.authorization ?? 'no authorization'} ${body}`);
            res.end(JSON.stringify({ access_token: 'post-token', expires_in: 3600 }));
          } else res.end(req.headers.authorization === 'Bearer post-token' ? '{}' : '');
        });
      }),
    );
    const auth = {
      type: 'oauth2ClientCredentials' as const,
      tokenUrl: `http://${host}/token`,
      clientId: 'the client',
      clientSecret: 's3cret&more',
      clientAuthentication: 'client_secret_post' as const,
    };
    expect(
      (await probe({ url: `http://${host}/api`, auth }, { tokenCache: new OAuthTokenCache() })).status,
    ).toBe('up');
    expect(forms).toEqual([
      'no authorization grant_type=client_credentials&client_id=the+client&client_secret=s3cret%26more',
    ]);
    const sandboxAuth = {
      ...auth,
      tokenUrl: `${sandbox}/oauth/token`,
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
    };
    expect(
      (
        await probe(
          { url: `${sandbox}/oauth/orders`, auth: sandboxAuth },
          { tokenCache: new OAuthTokenCache() },
        )
      ).status,
    ).toBe('up');
  });

  it('counts one token request for many probes', async () => {
    let tokenRequests = 0;
    const host = await start(
      createHttpServer((req, res) => {
        if (req.url === '/token') tokenRequests += 1;
        res.setHeader('content-type', 'application/json');
        res.end(req.url === '/token' ? JSON.stringify({ access_token: 't', expires_in: 3600 }) : '{}');
      }),
    );
    const tokenCache = new OAuthTokenCache();
    const auth = {
      type: 'oauth2ClientCredentials' as const,
      tokenUrl: `http://${host}/token`,
      clientId: 'c',
      clientSecret: 's',
    };
    for (let i = 0; i < 3; i += 1) await probe({ url: `http://${host}/api`, auth }, { tokenCache });
    expect(tokenRequests).toBe(1);
  });

  it('keeps credentials off other origins after a redirect, and its redaction takes them out of the evidence', async () => {
    const echo = await start(
      createHttpServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', 'session=abc');
        res.end(JSON.stringify({ seen: req.headers, url: req.url }));
      }),
    );
    const redirector = await start(
      createHttpServer((_req, res) => {
        res.writeHead(307, { location: `http://${echo}/landed` });
        res.end();
      }),
    );
    const definition = {
      url: `http://${echo}/x`,
      auth: { type: 'apiKey' as const, in: 'query' as const, name: 'key', value: 'QUERYSECRET' },
      headers: { 'X-Api-Token': 'HEADERSECRET' },
    };
    const direct = await probe(definition);
    expect(direct.rawEvidence?.bodyExcerpt).toMatch(/QUERYSECRET/);
    const redaction = redactionFor(HttpDefinitionSchema.parse({ name: 'x', ...definition }));
    const shown = {
      headers: redaction.headers(direct.rawEvidence!.responseHeaders),
      body: redaction.text(direct.rawEvidence!.bodyExcerpt!),
    };
    expect(JSON.stringify(shown)).not.toMatch(/QUERYSECRET|HEADERSECRET|session=abc/);
    expect(shown.body).toContain('[redacted]');
    const redirected = await probe({
      url: `http://${redirector}/start`,
      auth: { type: 'bearer', token: 'BEARERSECRET' },
    });
    expect(redirected.rawEvidence?.bodyExcerpt).toContain('/landed');
    expect(redirected.rawEvidence?.bodyExcerpt).not.toMatch(/authorization|BEARERSECRET/);
  });

  it("reports the bearer token's JWT expiry, and null for an opaque token", async () => {
    const exp = Math.floor(Date.now() / 1000) + 365 * 86_400;
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'probe', exp })}.signature`;
    const withJwt = await probe({ url: `${sandbox}/v1/widgets`, auth: { type: 'bearer', token: jwt } });
    expect(withJwt.status).toBe('up');
    expect(withJwt.observation.tokenExpiresAt).toEqual(new Date(exp * 1000));
    const opaque = await probe({
      url: `${sandbox}/v1/widgets`,
      auth: { type: 'bearer', token: 'opaque-token' },
    });
    expect(opaque.status).toBe('up');
    expect(opaque.observation.tokenExpiresAt).toBeNull();
  });

  it('names a port that does not speak HTTP', async () => {
    const banner = createTcpServer((socket) => socket.resume().end('SSH-2.0-OpenSSH_9.2\r\n'));
    await new Promise<void>((resolve) => banner.listen(0, '127.0.0.1', resolve));
    try {
      const result = await probe({ url: `http://127.0.0.1:${(banner.address() as AddressInfo).port}/` });
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(/its answer is not HTTP .*another protocol on this port/);
    } finally {
      await new Promise((resolve) => banner.close(resolve));
    }
  });

  it('names a refused connection', async () => {
    const result = await probe({ url: 'http://127.0.0.1:1/' });
    expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
    expect(result.message).toMatch(/ECONNREFUSED/);
  });

  describe('TLS', () => {
    const https = (name: string) =>
      start(
        createHttpsServer({ key: fixture(`${name}.key`), cert: fixture(`${name}.pem`) }, (_req, res) =>
          res.end('{}'),
        ),
      );

    it('records subject, issuer and expiry of a valid certificate', async () => {
      const host = await https('valid');
      const result = await probe({ url: `https://${host}/` }, { tls: { ca } });
      expect(result.status).toBe('up');
      expect(result.certificate).toEqual({
        subject: 'localhost',
        issuer: 'IHM Test CA',
        validTo: expect.any(Date),
      });
      expect(result.certificate?.validTo?.getUTCFullYear()).toBe(2126);
      expect(result.timings.tlsMs).toBeGreaterThan(0);
    });

    it('names plain HTTP behind an https:// URL', async () => {
      const host = await start(createHttpServer((_req, res) => res.end('{}')));
      const result = await probe({ url: `https://${host}/` });
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(/did not answer in TLS \(plain HTTP on an https:\/\/ URL/);
    });

    it.each([
      ['self-signed', undefined, /self-signed/],
      ['expired', ca, /certificate has expired \(CERT_HAS_EXPIRED\)/],
      ['wrong-host', ca, /does not cover this host name/],
    ])('names a %s certificate as connectivity', async (name, trusted, message) => {
      const host = await https(name);
      const result = await probe({ url: `https://${host}/` }, trusted ? { tls: { ca: trusted } } : {});
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(message);
    });
  });

  describe('mutual TLS', () => {
    const clientCertificate = {
      certificate: fixture('client.pem').toString(),
      privateKey: fixture('client.key').toString(),
    };
    /** A server that asks for a client certificate from the test client CA and answers with its subject. */
    const mtls = () =>
      start(
        createHttpsServer(
          {
            key: fixture('valid.key'),
            cert: fixture('valid.pem'),
            ca: fixture('client-ca.pem'),
            requestCert: true,
            rejectUnauthorized: true,
          },
          (req, res) => {
            const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ client: peer.subject?.CN ?? null }));
          },
        ),
      );

    it.each([
      ['a plain key', clientCertificate],
      [
        'an encrypted key and its passphrase',
        {
          ...clientCertificate,
          privateKey: fixture('client-encrypted.key').toString(),
          passphrase: 'fixture-passphrase',
        },
      ],
    ])('presents the client certificate with %s', async (_label, certificate) => {
      const host = await mtls();
      const result = await probe(
        { url: `https://${host}/whoami`, clientCertificate: certificate },
        { tls: { ca } },
      );
      expect(result.status).toBe('up');
      expect(result.observation.response?.body).toEqual({ client: 'ihm-test-client' });
    });

    it('names a server asking for a certificate and getting none as authentication', async () => {
      const host = await mtls();
      const result = await probe({ url: `https://${host}/whoami` }, { tls: { ca } });
      expect(result).toMatchObject({ status: 'down', category: 'authentication' });
      expect(result.message).toMatch(/asks for a client certificate \(mutual TLS\) and none was presented/);
    });

    it('presents a certificate the server does not trust, and reads its refusal', async () => {
      // Many APIs take any certificate in the handshake and judge it in the application.
      const host = await start(
        createHttpsServer(
          {
            key: fixture('valid.key'),
            cert: fixture('valid.pem'),
            ca: fixture('client-ca.pem'),
            requestCert: true,
            rejectUnauthorized: false,
          },
          (req, res) => {
            const socket = req.socket as import('node:tls').TLSSocket;
            res.writeHead(socket.authorized ? 200 : 403, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: socket.authorizationError ?? null }));
          },
        ),
      );
      const untrusted = {
        certificate: fixture('other-client.pem').toString(),
        privateKey: fixture('other-client.key').toString(),
      };
      const refused = await probe({ url: `https://${host}/`, clientCertificate: untrusted }, { tls: { ca } });
      expect(refused).toMatchObject({ status: 'down', category: 'authentication' });
      expect(refused.observation.response?.status).toBe(403);
      expect(refused.observation.response?.body).toEqual({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      const accepted = await probe({ url: `https://${host}/`, clientCertificate }, { tls: { ca } });
      expect(accepted.status).toBe('up');
    });

    it("presents the certificate to the integration's origin only, not where a redirect points", async () => {
      const elsewhere = await mtls();
      const host = await start(
        createHttpsServer({ key: fixture('valid.key'), cert: fixture('valid.pem') }, (_req, res) => {
          res.writeHead(302, { location: `https://${elsewhere}/whoami` });
          res.end();
        }),
      );
      const result = await probe({ url: `https://${host}/start`, clientCertificate }, { tls: { ca } });
      expect(result).toMatchObject({ status: 'down', category: 'authentication' });
      expect(result.message).toMatch(/none was presented/);
    });
  });

  describe('the outbound guard', () => {
    it('refuses a loopback address by default, sending nothing', async () => {
      const target = countingServer();
      const host = await start(target.server);
      const result = await probeAsGiven({ url: `http://${host}/v1/widgets` });
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(/outbound guard.*127\.0\.0\.1 is a loopback address/);
      expect(result.observation.response).toBeNull();
      expect(target.requests).toBe(0);
    });

    it('refuses a name that resolves to loopback, checked at lookup', async () => {
      const target = countingServer();
      const port = (await start(target.server)).split(':')[1];
      const result = await probeAsGiven({ url: `http://localhost:${port}/` });
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(
        /outbound guard.*localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
      );
      expect(target.requests).toBe(0);
    });

    it('checks every redirect hop: an allowed address cannot redirect to a refused one', async () => {
      const elsewhere = countingServer();
      const refusedHost = await start(elsewhere.server, '127.0.0.2');
      const allowed = countingServer((_req, res) => {
        res.writeHead(302, { location: `http://${refusedHost}/` });
        res.end();
      });
      const host = await start(allowed.server);
      const result = await probe(
        { url: `http://${host}/start` },
        { outbound: outboundPolicy(false, ['127.0.0.1/32']) },
      );
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(/outbound guard.*127\.0\.0\.2 is a loopback address/);
      expect(allowed.requests).toBe(1);
      expect(elsewhere.requests).toBe(0);
    });

    it('guards the OAuth2 token request too', async () => {
      const tokenServer = countingServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ access_token: 't', expires_in: 3600 }));
      });
      const tokenHost = await start(tokenServer.server);
      // The API is on an allowed address; only the token endpoint is outside the policy.
      const api = countingServer();
      const apiHost = await start(api.server, '127.0.0.2');
      const result = await probe(
        {
          url: `http://${apiHost}/api`,
          auth: {
            type: 'oauth2ClientCredentials',
            tokenUrl: `http://${tokenHost}/token`,
            clientId: 'c',
            clientSecret: 's',
          },
        },
        { outbound: outboundPolicy(false, ['127.0.0.2/32']), tokenCache: new OAuthTokenCache() },
      );
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(
        /OAuth2 token endpoint .*outbound guard.*127\.0\.0\.1 is a loopback address/,
      );
      expect(tokenServer.requests).toBe(0);
      expect(api.requests).toBe(0);
    });

    it('refuses a cloud metadata address even where private addresses are allowed', async () => {
      const startedAt = Date.now();
      const result = await probe(
        { url: 'http://169.254.169.254/latest/meta-data/', timeoutMs: 3000 },
        { outbound: LOOPBACK },
      );
      expect(result).toMatchObject({ status: 'down', category: 'connectivity' });
      expect(result.message).toMatch(/outbound guard.*169\.254\.169\.254 is a cloud metadata address/);
      // Refused before any connection attempt, not after the timeout.
      expect(Date.now() - startedAt).toBeLessThan(1000);
    });
  });
});
