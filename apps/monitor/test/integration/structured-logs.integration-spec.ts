import { CreatedApiTokenSchema, IntegrationSchema, SessionSchema } from '@ihm/contracts';
import { createTestDatabase, type TestDatabase } from '@ihm/db/testing';
import { Logger, type INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MonitorLogger } from '../../src/common/logging/monitor-logger';
import { parseEnv } from '../../src/config/env.schema';
import { createMonitorApp } from '../../src/create-app';
import { IntegrationService } from '../../src/integrations/integration.service';

const BOOTSTRAP_TOKEN = 'SECRET-bootstrap-token-0123456789';
const ADMIN_PASSWORD = 'SECRET-admin-password';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, unknown>;

describe('structured logs', () => {
  const written: string[] = [];
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  /** Every secret the requests below send or receive: none may reach a log line. */
  const secrets = [BOOTSTRAP_TOKEN, ADMIN_PASSWORD];

  beforeAll(async () => {
    db = await createTestDatabase(process.env);
    const env = parseEnv({
      DEMO: '0',
      ROLE: 'api',
      LOG_LEVEL: 'log',
      ADMIN_PASSWORD,
      DATABASE_URL: db.connectionString,
    });
    const logger = new MonitorLogger(env, { write: (line) => written.push(line) });
    app = await createMonitorApp(
      { env, databaseUrl: db.connectionString, apiToken: BOOTSTRAP_TOKEN, encryptionKey: randomBytes(32) },
      logger,
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const call = (path: string, token: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(baseUrl + path, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });

  const lines = (): Line[] => written.map((line) => JSON.parse(line) as Line);
  const accessLine = (reqId: string | null) =>
    lines().find((line) => line.msg === 'request completed' && line.reqId === reqId);

  async function apiToken(): Promise<{ id: string; token: string }> {
    const res = await call('/api/tokens', BOOTSTRAP_TOKEN, {
      method: 'POST',
      json: { name: 'log test', role: 'editor' },
    });
    const created = CreatedApiTokenSchema.parse(await res.json());
    secrets.push(created.token);
    return created;
  }

  async function integration(token: string, name: string): Promise<string> {
    const bearer = 'SECRET-integration-bearer';
    secrets.push(bearer);
    const res = await call('/api/integrations', token, {
      method: 'POST',
      json: {
        name,
        url: 'https://payments.example.com/health',
        auth: { type: 'bearer', token: bearer },
      },
    });
    return IntegrationSchema.parse(await res.json()).id;
  }

  it('logs one JSON access line per request: reqId, caller, integrationId, the path without its query', async () => {
    const token = await apiToken();
    const id = await integration(token.token, 'Payments');
    secrets.push('SECRET-cookie-value', 'SECRET-query-key');

    const res = await call(`/api/integrations/${id}?apiKey=SECRET-query-key`, token.token, {
      headers: { cookie: 'session=SECRET-cookie-value', 'x-request-id': 'trace-42.a_b' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-42.a_b');
    expect(accessLine('trace-42.a_b')).toEqual({
      level: 'info',
      time: expect.any(String),
      context: 'HTTP',
      msg: 'request completed',
      reqId: 'trace-42.a_b',
      caller: `token:${token.id}`,
      integrationId: id,
      method: 'GET',
      path: `/api/integrations/${id}`,
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('replaces an unsafe X-Request-Id, and makes one up when there is none', async () => {
    const unsafe = await call('/api/overview', BOOTSTRAP_TOKEN, {
      headers: { 'x-request-id': 'a'.repeat(65) },
    });
    const none = await call('/api/overview', BOOTSTRAP_TOKEN);
    for (const res of [unsafe, none]) {
      const reqId = res.headers.get('x-request-id');
      expect(reqId).toMatch(UUID);
      expect(accessLine(reqId)).toMatchObject({ path: '/api/overview', status: 200, caller: 'API_TOKEN' });
    }
    expect(written.join('')).not.toContain('a'.repeat(65));
  });

  it('gives the lines a service writes while handling a request (after its body was read) the same context', async () => {
    const session = SessionSchema.parse(
      await (
        await fetch(`${baseUrl}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password: ADMIN_PASSWORD }),
        })
      ).json(),
    );
    secrets.push(session.token);
    const id = await integration(session.token, 'Billing');
    const service = app.get(IntegrationService);
    const update = service.update.bind(service);
    jest.spyOn(service, 'update').mockImplementation(async (...args) => {
      new Logger('Integrations').log('updating');
      return update(...args);
    });

    const res = await call(`/api/integrations/${id}`, session.token, {
      method: 'PATCH',
      json: { paused: true },
    });
    expect(res.status).toBe(200);
    const reqId = res.headers.get('x-request-id');
    const inService = lines().find((line) => line.msg === 'updating');
    expect(inService).toMatchObject({ reqId, caller: expect.stringMatching(/^user:/), integrationId: id });
    expect(accessLine(reqId)).toMatchObject({ caller: inService?.caller, method: 'PATCH', status: 200 });
  });

  it('hides a token in the path, and logs health and metrics scrapes only at debug', async () => {
    const invite = `ihmi_SECRET${randomBytes(8).toString('hex')}`;
    secrets.push(invite, 'SECRET-new-password');
    const res = await fetch(`${baseUrl}/api/invites/${invite}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'SECRET-new-password' }),
    });
    expect(accessLine(res.headers.get('x-request-id'))).toMatchObject({
      path: '/api/invites/[REDACTED]',
      status: res.status,
    });

    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(accessLine(health.headers.get('x-request-id'))).toBeUndefined();
  });

  it('writes no secret, token or cookie value in any line', () => {
    const output = written.join('');
    expect(output.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/SECRET/);
  });
});
