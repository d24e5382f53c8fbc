import {
  API_ROUTES,
  ApiTokenListSchema,
  roleAtLeast,
  type ApiAccess,
  CreatedApiTokenSchema,
  ErrorBodySchema,
  WhoAmISchema,
  type Role,
} from '@ihm/contracts';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { routesOf, type Route } from './router-routes';

/**
 * Who may call each route, as the API's description says (API_ROUTES, the OpenAPI document's source): what this
 * test finds true of every route the router serves. /metrics answers without a token while METRICS_TOKEN is unset;
 * the webhook receiver is no route of Nest's router but a handler before it (its signatures:
 * webhook-receiver.integration-spec.ts).
 */
const DOCUMENTED = new Map(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route.access]));
function accessOf(route: Route): ApiAccess {
  const access = DOCUMENTED.get(`${route.method} ${route.path}`);
  if (access === undefined) throw new Error(`${route.method} ${route.path} is not described in API_ROUTES`);
  return access;
}
const open = (access: ApiAccess) => access === 'public' || access === 'metricsToken';

const ID = '00000000-0000-4000-8000-00000000f00d';
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, ID);

describe('access: every route authenticated and authorised', () => {
  let monitor: RunningMonitor;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    monitor = await startMonitor();
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const res = await monitor.call('/api/tokens', {
        method: 'POST',
        json: { name: `${role} script`, role },
      });
      expect(res.status).toBe(201);
      tokens[role] = CreatedApiTokenSchema.parse(await res.json()).token;
    }
  });
  afterAll(() => monitor.close());

  const send = (route: Route, token: string | null) =>
    monitor.call(concrete(route.path), {
      method: route.method,
      token,
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { json: {} }),
    });

  it('finds the routes it walks', () => {
    const routes = routesOf(monitor).map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/integrations', 'POST /api/tokens', 'GET /metrics']),
    );
  });

  it('answers 401 on every route but the public ones without a token, or with a bad one', async () => {
    for (const route of routesOf(monitor)) {
      if (open(accessOf(route))) continue;
      for (const token of [null, 'ihm_not-a-token', 'wrong-token-0123456789']) {
        const res = await send(route, token);
        expect({ route, token, status: res.status }).toEqual({ route, token, status: 401 });
        expect(ErrorBodySchema.parse(await res.json()).error).toBe('Unauthorized');
      }
    }
  });

  it('lets viewers read, editors change, and only admins manage users: 403 otherwise', async () => {
    for (const route of routesOf(monitor)) {
      const key = `${route.method} ${route.path}`;
      const access = accessOf(route);
      if (open(access)) continue;
      for (const role of ['viewer', 'editor', 'admin'] as const) {
        // A signed-in user's own account: a token has no password to change, whatever its role.
        const allowed =
          access === 'viewer' || access === 'editor' || access === 'admin'
            ? roleAtLeast(role, access)
            : false;
        const res = await send(route, tokens[role]);
        const forbidden = res.status === 403;
        expect({ key, role, forbidden }).toEqual({ key, role, forbidden: !allowed });
        expect(res.status).not.toBe(401);
        await res.arrayBuffer();
      }
    }
  });

  it('says who the caller is and with which role', async () => {
    const who = WhoAmISchema.parse(
      await (await monitor.call('/api/session', { token: tokens.viewer })).json(),
    );
    expect(who).toEqual({ kind: 'apiToken', role: 'viewer' });
  });

  it('shows a token once, lists it by prefix and last use, and refuses it once revoked or expired', async () => {
    const created = CreatedApiTokenSchema.parse(
      await (
        await monitor.call('/api/tokens', {
          method: 'POST',
          json: {
            name: 'deploy bot',
            role: 'editor',
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        })
      ).json(),
    );
    expect(created.token).toMatch(/^ihm_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect((await monitor.call('/api/integrations', { token: created.token })).status).toBe(200);

    const listed = ApiTokenListSchema.parse(await (await monitor.call('/api/tokens')).json());
    const entry = listed.items.find((t) => t.id === created.id);
    expect(entry).toMatchObject({ name: 'deploy bot', role: 'editor', prefix: created.prefix });
    expect(entry?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.token);

    expect((await monitor.call(`/api/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await monitor.call('/api/integrations', { token: created.token });
    expect(revoked.status).toBe(401);
    expect(ErrorBodySchema.parse(await revoked.json()).message).toMatch(/revoked/);
    expect((await monitor.call(`/api/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(404);

    const past = await monitor.call('/api/tokens', {
      method: 'POST',
      json: { name: 'stale', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(ErrorBodySchema.parse(await past.json()).details).toEqual([
      { field: 'expiresAt', message: 'must be in the future' },
    ]);
    const badRole = await monitor.call('/api/tokens', { method: 'POST', json: { name: 'x', role: 'owner' } });
    expect(ErrorBodySchema.parse(await badRole.json()).details?.[0]?.field).toBe('role');
  });

  it('refuses an expired token with its name', async () => {
    const soon = CreatedApiTokenSchema.parse(
      await (
        await monitor.call('/api/tokens', {
          method: 'POST',
          json: { name: 'short-lived', role: 'viewer', expiresAt: new Date(Date.now() + 1500).toISOString() },
        })
      ).json(),
    );
    expect((await monitor.call('/api/integrations', { token: soon.token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await monitor.call('/api/integrations', { token: soon.token });
    expect(expired.status).toBe(401);
    expect(ErrorBodySchema.parse(await expired.json()).message).toMatch(/"short-lived" has expired/);
  });
});
