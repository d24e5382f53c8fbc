import { ErrorBodySchema, SessionSchema, WhoAmISchema } from '@ihm/contracts';
import { createTestDatabase, type TestDatabase } from '@ihm/db/testing';
import type { INestApplication } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { AdminPasswordBootstrap } from '../../src/auth/admin-password.bootstrap';
import type { SignInThrottlePolicy } from '../../src/auth/sign-in-throttle.policy';
import { parseEnv } from '../../src/config/env.schema';
import { createMonitorApp } from '../../src/create-app';
import { TEST_API_TOKEN } from './monitor-app';

const PASSWORD = 'correct horse battery';
/** Short enough to lock a client out within a test; delays long enough to measure. */
const THROTTLE: SignInThrottlePolicy = {
  windowMs: 60_000,
  lockAfterFailures: 4,
  firstDelayMs: 200,
  maxDelayMs: 400,
};

interface Api {
  app: INestApplication;
  call(
    path: string,
    init?: { method?: string; token?: string | null; json?: unknown; client?: string },
  ): Promise<Response>;
}

/** A monitor on the given database; several may share one, like API processes do. */
async function boot(connectionString: string, env: Record<string, string> = {}): Promise<Api> {
  const app = await createMonitorApp({
    env: parseEnv({ DEMO: '0', LOG_LEVEL: 'error', ROLE: 'api', ...env, DATABASE_URL: connectionString }),
    databaseUrl: connectionString,
    apiToken: TEST_API_TOKEN,
    encryptionKey: randomBytes(32),
    signInThrottle: THROTTLE,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    call: (path, { method = 'GET', token = TEST_API_TOKEN, json, client } = {}) =>
      fetch(baseUrl + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          // The test talks over loopback, as the dashboard's server does: the monitor believes this header.
          ...(client ? { 'x-forwarded-for': client } : {}),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      }),
  };
}

describe('sign-in and sessions', () => {
  let db: TestDatabase;
  let api: Api;

  beforeAll(async () => {
    db = await createTestDatabase(process.env);
    api = await boot(db.connectionString, { ADMIN_PASSWORD: PASSWORD });
  });
  afterAll(async () => {
    await api.app.close();
    await db.drop();
  });

  async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: db.connectionString });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const signIn = (password: string, client: string, target = api) =>
    target.call('/api/session', { method: 'POST', token: null, json: { password }, client });

  async function session(client = '198.51.100.1', target = api): Promise<string> {
    const res = await signIn(PASSWORD, client, target);
    expect(res.status).toBe(201);
    return SessionSchema.parse(await res.json()).token;
  }

  async function timed(run: () => Promise<Response>): Promise<{ res: Response; ms: number }> {
    const started = performance.now();
    const res = await run();
    return { res, ms: performance.now() - started };
  }

  it('signs in with the admin password; the session token works like the API token', async () => {
    const before = Date.now();
    const res = await signIn(PASSWORD, '198.51.100.1');
    expect(res.status).toBe(201);
    const body = SessionSchema.parse(await res.json());
    expect(body.token).toMatch(/^ihms_[A-Za-z0-9_-]{43}$/);
    const lifetimeMs = Date.parse(body.expiresAt) - before;
    expect(lifetimeMs).toBeGreaterThan(12 * 3_600_000 - 60_000);
    expect(lifetimeMs).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);

    expect((await api.call('/api/integrations', { token: body.token })).status).toBe(200);
    expect(WhoAmISchema.parse(await (await api.call('/api/session', { token: body.token })).json())).toEqual({
      kind: 'session',
      expiresAt: body.expiresAt,
    });

    const [stored] = await sql<{ token_hash: Buffer }>('SELECT token_hash FROM admin_sessions');
    expect(stored?.token_hash).toEqual(createHash('sha256').update(body.token).digest());
    const [account] = await sql<{ password_hash: string }>('SELECT password_hash FROM admin_account');
    expect(account?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('still takes the API token, and tells who the caller is', async () => {
    expect((await api.call('/api/integrations')).status).toBe(200);
    expect(await (await api.call('/api/session')).json()).toEqual({ kind: 'apiToken' });
    const signOut = await api.call('/api/session', { method: 'DELETE' });
    expect(signOut.status).toBe(204);
    expect((await api.call('/api/integrations')).status).toBe(200);
  });

  it.each([
    ['no token', null, /Authorization: Bearer/],
    ['an unknown session token', `ihms_${randomBytes(32).toString('base64url')}`, /not valid/],
    ['a wrong token', 'not-the-token-at-all', /not valid/],
  ])('refuses %s with 401', async (_label, token, message) => {
    const res = await api.call('/api/session', { token });
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(await res.json()).message).toMatch(message);
  });

  it('signs out: the token is refused at once', async () => {
    const token = await session();
    expect((await api.call('/api/integrations', { token })).status).toBe(200);
    const res = await api.call('/api/session', { method: 'DELETE', token });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await api.call('/api/integrations', { token })).status).toBe(401);
  });

  it('refuses an expired session, asks to sign in again, and deletes it', async () => {
    const token = await session();
    const tokenHash = createHash('sha256').update(token).digest();
    await sql(`UPDATE admin_sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [
      tokenHash,
    ]);
    const res = await api.call('/api/integrations', { token });
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(await res.json()).message).toBe('The session has expired: sign in again');
    expect(await sql('SELECT 1 FROM admin_sessions WHERE token_hash = $1', [tokenHash])).toHaveLength(0);
  });

  it('answers a bad body with field-level 400s', async () => {
    for (const json of [{}, { password: '' }, { password: PASSWORD, extra: 1 }]) {
      const res = await api.call('/api/session', { method: 'POST', token: null, json });
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).details?.length).toBeGreaterThan(0);
    }
  });

  it('answers a wrong password with 401, each further failure more slowly', async () => {
    const first = await timed(() => signIn('wrong password', '203.0.113.10'));
    expect(first.res.status).toBe(401);
    expect(ErrorBodySchema.parse(await first.res.json())).toMatchObject({
      statusCode: 401,
      message: 'The password is not correct',
    });
    const second = await timed(() => signIn('wrong password', '203.0.113.10'));
    expect(second.res.status).toBe(401);
    expect(first.ms).toBeGreaterThanOrEqual(THROTTLE.firstDelayMs);
    expect(second.ms - first.ms).toBeGreaterThan(THROTTLE.firstDelayMs / 2);
    // Another client is not slowed down by this one's failures.
    expect((await timed(() => signIn('wrong password', '203.0.113.11'))).ms).toBeLessThan(second.ms);
  });

  it('locks a client out with 429 and Retry-After after too many failures, without checking the password', async () => {
    const client = '203.0.113.20';
    for (let i = 0; i < THROTTLE.lockAfterFailures; i += 1)
      expect((await signIn('wrong password', client)).status).toBe(401);
    const locked = await signIn(PASSWORD, client);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
    expect(ErrorBodySchema.parse(await locked.json()).message).toMatch(/Too many failed sign-in attempts/);
    expect((await signIn(PASSWORD, '203.0.113.21')).status).toBe(201);
  });

  it('forgets a client’s failures when it signs in', async () => {
    const client = '203.0.113.30';
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < THROTTLE.lockAfterFailures - 1; i += 1)
        expect((await signIn('wrong password', client)).status).toBe(401);
      expect((await signIn(PASSWORD, client)).status).toBe(201);
    }
  });

  it('changing ADMIN_PASSWORD changes the password and signs every session out', async () => {
    const token = await session('198.51.100.2');
    const restarted = await boot(db.connectionString, { ADMIN_PASSWORD: 'a brand new password' });
    try {
      expect((await restarted.call('/api/integrations', { token })).status).toBe(401);
      expect((await signIn(PASSWORD, '198.51.100.3', restarted)).status).toBe(401);
      expect((await signIn('a brand new password', '198.51.100.5', restarted)).status).toBe(201);
    } finally {
      await restarted.app.close();
    }
  });
});

describe('generated admin password', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(process.env);
  });
  afterAll(() => db.drop());

  it('is generated by exactly one of several API processes starting at once, and signs in', async () => {
    const apis = await Promise.all([boot(db.connectionString), boot(db.connectionString)]);
    try {
      const generated = apis.map((a) => a.app.get(AdminPasswordBootstrap).generatedPassword);
      const passwords = generated.filter((p): p is string => p !== null);
      expect(passwords).toHaveLength(1);
      expect(passwords[0]).toMatch(/^[A-Za-z0-9_-]{20}$/);
      for (const target of apis) {
        const res = await target.call('/api/session', {
          method: 'POST',
          token: null,
          json: { password: passwords[0] },
        });
        expect(res.status).toBe(201);
      }
    } finally {
      await Promise.all(apis.map((a) => a.app.close()));
    }
  });
});
