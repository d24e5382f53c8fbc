import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { epochSecondsFromNow, sendJson } from './respond';
import type { SandboxRoute } from './routes';

const MIB = 1024 * 1024;
// 64 MiB of zeros gzip to ~64 KiB: a decompression bomb that costs the sandbox almost nothing to send.
let bomb: Buffer | null = null;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(64 * MIB), { level: 9 }));
const hugeChunk = Buffer.alloc(64 * 1024, 'x');
const HUGE_BYTES = 8 * MIB;

function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': HUGE_BYTES });
  let sent = 0;
  const pump = () => {
    while (sent < HUGE_BYTES) {
      sent += hugeChunk.length;
      if (!res.write(hugeChunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => res.write(' '), 200);
  res.on('close', () => clearInterval(timer));
}

const VALID_CLIENT = { id: 'sandbox-client', secret: 'sandbox-secret' };
const ISSUED_TOKEN = 'sandbox-access-token';

/** The client authenticates with HTTP Basic, or with client_id and client_secret in the form (RFC 6749 §2.3.1). */
function oauthToken(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk.slice(0, 4096)));
  req.on('end', () => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const form = new URLSearchParams(body);
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
      : [form.get('client_id'), form.get('client_secret')];
    if (id !== VALID_CLIENT.id || secret !== VALID_CLIENT.secret) {
      sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      return;
    }
    sendJson(res, 200, { access_token: ISSUED_TOKEN, token_type: 'Bearer', expires_in: 3600 });
  });
}

/** Routes that attack or confuse the prober, and the less common error shapes of real APIs. */
export const HOSTILE_ROUTES: readonly SandboxRoute[] = [
  {
    method: 'POST',
    path: '/oauth/token',
    description: 'OAuth2 token endpoint (client sandbox-client / sandbox-secret)',
    handle: oauthToken,
  },
  {
    method: 'GET',
    path: '/oauth/orders',
    description: 'Accepts only the token issued by /oauth/token',
    handle: (req, res) =>
      req.headers.authorization === `Bearer ${ISSUED_TOKEN}`
        ? sendJson(res, 200, { items: [] })
        : sendJson(
            res,
            401,
            { error: 'invalid_token' },
            { 'www-authenticate': 'Bearer error="invalid_token"' },
          ),
  },
  {
    method: 'GET',
    path: '/auth/error-envelope',
    description: '200 whose body is an auth error',
    handle: (_req, res) =>
      sendJson(res, 200, { error: 'invalid_token', error_description: 'Token has been revoked' }),
  },
  {
    method: 'GET',
    path: '/graphql/unauthenticated',
    description: '200 with a GraphQL UNAUTHENTICATED error',
    handle: (_req, res) =>
      sendJson(res, 200, {
        data: null,
        errors: [{ message: 'Not logged in', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
  },
  {
    method: 'GET',
    path: '/rate-limit/github-403',
    description: '403 that is really a rate limit (GitHub style)',
    handle: (_req, res) =>
      sendJson(
        res,
        403,
        {
          message: 'API rate limit exceeded for 127.0.0.1.',
          documentation_url: 'https://docs.github.com/rest/rate-limit',
        },
        {
          'x-ratelimit-limit': 60,
          'x-ratelimit-remaining': 0,
          'x-ratelimit-used': 60,
          'x-ratelimit-resource': 'core',
          'x-ratelimit-reset': epochSecondsFromNow(540),
        },
      ),
  },
  {
    method: 'GET',
    path: '/rate-limit/ietf',
    description: '200 with IETF structured RateLimit headers, budget low',
    handle: (_req, res) =>
      sendJson(
        res,
        200,
        { ok: true },
        { ratelimit: '"default";r=3;t=40', 'ratelimit-policy': '"default";q=100;w=60' },
      ),
  },
  {
    method: 'GET',
    path: '/bad-gateway',
    description: '502 from a proxy',
    handle: (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    },
  },
  {
    method: 'GET',
    path: '/gateway-timeout',
    description: '504 from a proxy',
    handle: (_req, res) => {
      res.writeHead(504, { 'content-type': 'text/html' });
      res.end('<html><body><h1>504 Gateway Time-out</h1></body></html>');
    },
  },
  {
    method: 'GET',
    path: '/html',
    description: '200 with an HTML login page instead of JSON',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><form action="/login">Sign in</form></body></html>');
    },
  },
  {
    method: 'GET',
    path: '/truncated-json',
    description: '200 with JSON that stops half way',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items":[{"id":1,"name":"Wid');
    },
  },
  {
    method: 'GET',
    path: '/huge',
    description: '200 with an 8 MiB body',
    handle: (_req, res) => streamHuge(res),
  },
  {
    method: 'GET',
    path: '/gzip-bomb',
    description: '200 with 64 KiB of gzip that inflates to 64 MiB',
    handle: (_req, res) => {
      const body = gzipBomb();
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': body.length,
      });
      res.end(body);
    },
  },
  {
    method: 'GET',
    path: '/trickle',
    description: '200 whose body arrives one byte every 200 ms, forever',
    handle: (_req, res) => trickle(res),
  },
  {
    method: 'GET',
    path: '/redirect-loop/a',
    description: 'Redirects to /redirect-loop/b, which redirects back',
    handle: (_req, res) => {
      res.writeHead(302, { location: '/redirect-loop/b' });
      res.end();
    },
  },
  {
    method: 'GET',
    path: '/redirect-loop/b',
    description: 'Redirects to /redirect-loop/a',
    handle: (_req, res) => {
      res.writeHead(302, { location: '/redirect-loop/a' });
      res.end();
    },
  },
  {
    method: 'GET',
    path: '/reset',
    description: 'Resets the connection without answering',
    handle: (req) => req.socket.resetAndDestroy(),
  },
];
