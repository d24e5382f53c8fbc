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
/** Delays long enough to measure, short enough for a test; few pending attempts, to fill the lane. */
const THROTTLE: SignInThrottlePolicy = {
  windowMs: 60_000,
  firstDelayMs: 200,
  maxDelayMs: 400,
  maxPending: 3,
};

interface Api {
  app: INestApplication;
  call(
    path: string,
    init?: { method?: string; token?: string | null; json?: unknown; forwardedFor?: string },
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
    call: (path, { method = 'GET', token = TEST_API_TOKEN, json, forwardedFor } = {}) =>
      fetch(baseUrl + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
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

  const signIn = (password: string, target = api, forwardedFor?: string) =>
    target.call('/api/session', { method: 'POST', token: null, json: { password }, forwardedFor });

  async function session(target = api): Promise<string> {
    const res = await signIn(PASSWORD, target);
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
    const res = await signIn(PASSWORD);
    expect(res.status).toBe(201);
    const body = SessionSchema.parse(await res.json());
    expect(body.token).toMatch(/^ihms_[A-Za-z0-9_-]{43}$/);
    const lifetimeMs = Date.parse(body.expiresAt) - before;
    expect(lifetimeMs).toBeGreaterThan(12 * 3_600_000 - 60_000);
    expect(lifetimeMs).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);

    expect((await api.call('/api/integrations', { token: body.token })).status).toBe(200);
    expect(WhoAmISchema.parse(await (await api.call('/api/session', { token: body.token })).json())).toEqual({
      kind: 'session',
      role: 'admin',
      expiresAt: body.expiresAt,
      user: { id: expect.any(String), email: 'admin', name: 'Admin' },
    });

    // Stored as its SHA-256 only (other tests' sessions may be stored beside it).
    const stored = await sql<{ token_hash: Buffer }>('SELECT token_hash FROM admin_sessions');
    expect(stored.map((row) => row.token_hash)).toContainEqual(
      createHash('sha256').update(body.token).digest(),
    );
    const [account] = await sql<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE email = 'admin'",
    );
    expect(account?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('still takes the API token, and tells who the caller is', async () => {
    expect((await api.call('/api/integrations')).status).toBe(200);
    expect(await (await api.call('/api/session')).json()).toEqual({ kind: 'apiToken', role: 'admin' });
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

  it("ends a disabled user's sessions and tokens in every API process within seconds", async () => {
    const other = await boot(db.connectionString);
    try {
      const created = await api.call('/api/users', {
        method: 'POST',
        json: { email: 'leaver@example.com', name: 'Leaver', role: 'editor', password: 'leaver-pass-1' },
      });
      const user = (await created.json()) as { id: string };
      const signedIn = await api.call('/api/session', {
        method: 'POST',
        token: null,
        json: { email: 'leaver@example.com', password: 'leaver-pass-1' },
      });
      const { token: sessionToken } = (await signedIn.json()) as { token: string };
      const made = await api.call('/api/tokens', {
        method: 'POST',
        token: sessionToken,
        json: { name: 'script', role: 'viewer' },
      });
      const { token: apiToken } = (await made.json()) as { token: string };
      // Both checked, so cached, by the other process.
      for (const token of [sessionToken, apiToken])
        expect((await other.call('/api/integrations', { token })).status).toBe(200);

      const disabledAt = Date.now();
      await api.call(`/api/users/${user.id}`, { method: 'PATCH', json: { disabled: true } });
      expect((await api.call('/api/integrations', { token: sessionToken })).status).toBe(401);
      expect((await api.call('/api/integrations', { token: apiToken })).status).toBe(401);
      for (const token of [sessionToken, apiToken]) {
        while ((await other.call('/api/integrations', { token })).status === 200) {
          expect(Date.now() - disabledAt).toBeLessThan(12_000);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect((await other.call('/api/integrations', { token })).status).toBe(401);
      }
    } finally {
      await other.app.close();
    }
  }, 30_000);

  it('answers a bad body with field-level 400s', async () => {
    for (const json of [{}, { password: '' }, { password: PASSWORD, extra: 1 }]) {
      const res = await api.call('/api/session', { method: 'POST', token: null, json });
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).details?.length).toBeGreaterThan(0);
    }
  });

  it('answers a wrong password with 401, each further failure more slowly', async () => {
    // A process of its own: the throttle remembers the failures of other tests, which may reach the maximum delay.
    const fresh = await boot(db.connectionString, { ADMIN_PASSWORD: PASSWORD });
    try {
      const first = await timed(() => signIn('wrong password', fresh));
      expect(first.res.status).toBe(401);
      expect(ErrorBodySchema.parse(await first.res.json())).toMatchObject({
        statusCode: 401,
        message: 'The email or password is not correct',
      });
      const second = await timed(() => signIn('wrong password', fresh));
      expect(second.res.status).toBe(401);
      expect(first.ms).toBeGreaterThanOrEqual(THROTTLE.firstDelayMs);
      expect(second.ms - first.ms).toBeGreaterThan(THROTTLE.firstDelayMs / 2);
      expect((await signIn(PASSWORD, fresh)).status).toBe(201);
    } finally {
      await fresh.app.close();
    }
  });

  it('checks parallel guesses one at a time, whatever X-Forwarded-For they claim', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      ['203.0.113.1', '203.0.113.2', '203.0.113.3'].map(async (forwardedFor) => {
        const res = await signIn('wrong password', api, forwardedFor);
        return { status: res.status, ms: performance.now() - started };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    // One at a time, the last answer comes after all three delays: at least 200 + 400 + 400 ms, more if earlier
    // failures are still in the window. Checked in parallel, each would answer after its own 400 ms at most.
    expect(Math.max(...answers.map((a) => a.ms))).toBeGreaterThanOrEqual(
      THROTTLE.firstDelayMs + 2 * THROTTLE.maxDelayMs - 20,
    );
  });

  it('turns attempts away with 429 and Retry-After, unchecked, while too many are pending', async () => {
    // Each failure holds the lane at least 200 ms: all five arrive while the first three are pending.
    const answers = await Promise.all(Array.from({ length: 5 }, () => signIn('wrong password')));
    expect(answers.map((res) => res.status).sort()).toEqual([401, 401, 401, 429, 429]);
    const busy = answers.find((res) => res.status === 429)!;
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ErrorBodySchema.parse(await busy.json()).message).toMatch(/Too many sign-in attempts at once/);
  });

  it('changing ADMIN_PASSWORD changes the password and signs every session out', async () => {
    // A database of its own: the password it changes is the one the other tests sign in with.
    const own = await createTestDatabase(process.env);
    const before = await boot(own.connectionString, { ADMIN_PASSWORD: PASSWORD });
    try {
      const token = await session(before);
      const restarted = await boot(own.connectionString, { ADMIN_PASSWORD: 'a brand new password' });
      try {
        expect((await restarted.call('/api/integrations', { token })).status).toBe(401);
        expect((await signIn(PASSWORD, restarted)).status).toBe(401);
        expect((await signIn('a brand new password', restarted)).status).toBe(201);
      } finally {
        await restarted.app.close();
      }
    } finally {
      await before.app.close();
      await own.drop();
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
