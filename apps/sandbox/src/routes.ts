import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeJwt } from './jwt';
import { epochSecondsFromNow, sendJson } from './respond';

/** What a route does, and how a demo integration for it is registered. */
export interface SandboxRoute {
  method: 'GET' | 'POST';
  path: string;
  /** The failure kind it shows, in the guide's words. */
  description: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Fields of the demo integration beyond name, url and method. */
  demo?: Record<string, unknown>;
}

const WIDGETS_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'price'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'number' } },
      },
    },
  },
};

const HOUR = 3600;

export const SANDBOX_ROUTES: readonly SandboxRoute[] = [
  {
    method: 'GET',
    path: '/v1/widgets',
    description: 'Healthy JSON with a comfortable rate-limit budget',
    handle: (_req, res) =>
      sendJson(
        res,
        200,
        { items: [{ id: 1, name: 'Widget', price: 9.99 }], total: 1 },
        {
          'x-ratelimit-limit': 5000,
          'x-ratelimit-remaining': 4990,
          'x-ratelimit-reset': epochSecondsFromNow(HOUR),
        },
      ),
    demo: { responseSchema: WIDGETS_SCHEMA, tags: ['demo'] },
  },
  {
    method: 'GET',
    path: '/auth/expired-token',
    description: '401: the bearer token expired',
    handle: (_req, res) =>
      sendJson(
        res,
        401,
        { error: 'invalid_token', error_description: 'The access token expired' },
        {
          'www-authenticate':
            'Bearer realm="sandbox", error="invalid_token", error_description="The access token expired"',
        },
      ),
    demo: {
      auth: { type: 'bearer', token: makeJwt({ sub: 'demo', exp: epochSecondsFromNow(-2 * HOUR) }) },
      tags: ['demo', 'auth'],
    },
  },
  {
    method: 'GET',
    path: '/auth/missing-scope',
    description: '403: the token lacks a scope',
    handle: (_req, res) =>
      sendJson(
        res,
        403,
        {
          error: 'insufficient_scope',
          error_description: 'The token lacks scope orders:read',
          scope: 'orders:read',
        },
        { 'www-authenticate': 'Bearer realm="sandbox", error="insufficient_scope", scope="orders:read"' },
      ),
    demo: {
      auth: { type: 'apiKey', in: 'header', name: 'X-API-Key', value: 'sandbox-demo-key' },
      tags: ['demo', 'auth'],
    },
  },
  {
    method: 'GET',
    path: '/rate-limit/exceeded',
    description: '429 with Retry-After and an empty budget',
    handle: (_req, res) =>
      sendJson(
        res,
        429,
        { error: 'rate_limit_exceeded', message: 'Too many requests, retry in 30 seconds' },
        {
          'retry-after': 30,
          'x-ratelimit-limit': 100,
          'x-ratelimit-remaining': 0,
          'x-ratelimit-reset': epochSecondsFromNow(30),
        },
      ),
    demo: { tags: ['demo', 'rate-limit'] },
  },
  {
    method: 'GET',
    path: '/rate-limit/low',
    description: '200, but only 12 of 5,000 requests left',
    handle: (_req, res) =>
      sendJson(
        res,
        200,
        { items: [], total: 0 },
        { 'ratelimit-limit': 5000, 'ratelimit-remaining': 12, 'ratelimit-reset': 540 },
      ),
    demo: { tags: ['demo', 'rate-limit'] },
  },
  {
    method: 'POST',
    path: '/v1/customers',
    description: '400: the request body is rejected',
    handle: (_req, res) =>
      sendJson(res, 400, {
        error: {
          type: 'invalid_request_error',
          message: 'email must be a valid email address',
          param: 'email',
        },
      }),
    demo: {
      headers: { 'content-type': 'application/json' },
      body: '{"email":"not-an-email"}',
      tags: ['demo'],
    },
  },
  {
    method: 'GET',
    path: '/v2/widgets',
    description: '200, but a field was renamed and a type changed',
    handle: (_req, res) =>
      sendJson(res, 200, { items: [{ id: 1, title: 'Widget', price: '9.99' }], total: 1 }),
    demo: { responseSchema: WIDGETS_SCHEMA, tags: ['demo', 'schema'] },
  },
  {
    method: 'GET',
    path: '/v2/pet/7',
    description: "200: a pet, as the OpenAPI Petstore's GET /pet/{petId} describes it (for the import)",
    handle: (_req, res) =>
      sendJson(res, 200, {
        id: 7,
        category: { id: 1, name: 'Dogs' },
        name: 'doggie',
        photoUrls: ['https://example.com/doggie.jpg'],
        tags: [{ id: 1, name: 'friendly' }],
        status: 'available',
      }),
  },
  {
    method: 'GET',
    path: '/v1/widgets/999',
    description: '404: wrong resource id',
    handle: (_req, res) => sendJson(res, 404, { error: 'not_found', message: 'No widget with id 999' }),
    demo: { tags: ['demo'] },
  },
  {
    method: 'GET',
    path: '/server-error',
    description: '500 with a request id',
    handle: (_req, res) =>
      sendJson(res, 500, {
        error: 'internal_error',
        message: 'Something went wrong',
        request_id: 'req_7f3a9c',
      }),
    demo: { tags: ['demo'] },
  },
  {
    method: 'GET',
    path: '/maintenance',
    description: '503 during maintenance, with Retry-After',
    handle: (_req, res) =>
      sendJson(
        res,
        503,
        { error: 'service_unavailable', message: 'Scheduled maintenance' },
        { 'retry-after': 120 },
      ),
    demo: { tags: ['demo'] },
  },
  {
    method: 'GET',
    path: '/slow',
    description: '200 after 1.5 s: over its latency threshold',
    handle: (_req, res) => {
      setTimeout(() => sendJson(res, 200, { items: [], total: 0 }), 1500).unref();
    },
    demo: { latencyThresholdMs: 500, tags: ['demo', 'latency'] },
  },
  {
    method: 'GET',
    path: '/hanging',
    description: 'Accepts the request and never answers',
    handle: () => undefined,
    demo: { timeoutMs: 3000, tags: ['demo', 'latency'] },
  },
];
