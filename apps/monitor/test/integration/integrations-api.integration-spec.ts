import { ErrorBodySchema, IntegrationListSchema, HttpIntegrationSchema, MASKED_SECRET } from '@ihm/contracts';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { startMonitor, type RunningMonitor } from './monitor-app';

describe('integrations API', () => {
  let monitor: RunningMonitor;

  beforeAll(async () => {
    monitor = await startMonitor();
  });
  afterAll(() => monitor.close());

  async function rows(sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
    const client = new Client({ connectionString: monitor.db.connectionString });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows;
    } finally {
      await client.end();
    }
  }

  const github = {
    name: 'GitHub user',
    url: 'https://api.github.com/user',
    auth: { type: 'bearer', token: 'ghp_SECRETVALUE123' },
    headers: { Accept: 'application/vnd.github+json', 'X-Api-Key': 'HEADERSECRET456' },
    tags: ['vcs'],
  };

  /** Each test creates the integrations it uses, under a name of its own. */
  async function create(name: string): Promise<string> {
    const res = await monitor.call('/api/integrations', { method: 'POST', json: { ...github, name } });
    expect(res.status).toBe(201);
    return HttpIntegrationSchema.parse(await res.json()).id;
  }

  it.each([
    ['no header', null],
    ['a wrong token', 'not-the-token-at-all'],
  ])('answers 401 with %s', async (_label, token) => {
    const res = await monitor.call('/api/integrations', { token });
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(await res.json()).statusCode).toBe(401);
  });

  it('answers /health and /ready without a token', async () => {
    expect(await (await monitor.call('/health', { token: null })).json()).toEqual({ status: 'ok' });
    const ready = await monitor.call('/ready', { token: null });
    expect(ready.status).toBe(200);
  });

  it('creates an integration with defaults, masks its secrets and encrypts them at rest', async () => {
    const res = await monitor.call('/api/integrations', { method: 'POST', json: github });
    expect(res.status).toBe(201);
    const created = HttpIntegrationSchema.parse(await res.json());
    expect(created).toMatchObject({
      method: 'GET',
      intervalSeconds: 60,
      timeoutMs: 10000,
      rateLimitWarnPercent: 10,
      tokenExpiryWarnDays: 7,
      certificateExpiryWarnDays: 14,
      paused: false,
      expectedStatus: [],
      auth: { type: 'bearer', token: MASKED_SECRET },
      headers: { Accept: 'application/vnd.github+json', 'X-Api-Key': MASKED_SECRET },
    });
    const [stored] = await rows(
      `SELECT row_to_json(i)::text AS json, secrets FROM integrations i WHERE id = $1`,
      [created.id],
    );
    expect(String(stored?.json)).not.toMatch(/SECRETVALUE|HEADERSECRET/);
    expect((stored?.secrets as Buffer).toString('latin1')).not.toMatch(/SECRETVALUE|HEADERSECRET/);

    const listed = IntegrationListSchema.parse(await (await monitor.call('/api/integrations')).json());
    expect(listed.items.map((item) => item.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toMatch(/SECRETVALUE|HEADERSECRET/);
  });

  it('masks credentials written in the query and the body, and probes with their real values', async () => {
    const received: { url: string; body: string }[] = [];
    // A careless target: it answers 401 quoting the request it got.
    const target: Server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body });
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid key', url: req.url, body }));
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    try {
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: {
          name: 'Secrets in the query and body',
          url: `${base}/v1/geocode?address=Berlin&key=QUERYSECRET789`,
          method: 'POST',
          body: '{"client_id":"me","client_secret":"BODYSECRET012"}',
        },
      });
      expect(res.status).toBe(201);
      const created = HttpIntegrationSchema.parse(await res.json());
      expect(created.url).toBe(`${base}/v1/geocode?address=Berlin&key=${MASKED_SECRET}`);
      expect(created.body).toBe(`{"client_id":"me","client_secret":"${MASKED_SECRET}"}`);
      const [stored] = await rows(`SELECT row_to_json(i)::text AS json FROM integrations i WHERE id = $1`, [
        created.id,
      ]);
      expect(String(stored?.json)).not.toMatch(/QUERYSECRET|BODYSECRET/);

      const probed = await monitor.call(`/api/integrations/${created.id}/probe`, { method: 'POST' });
      expect(probed.status).toBe(200);
      expect(received).toEqual([
        {
          url: '/v1/geocode?address=Berlin&key=QUERYSECRET789',
          body: '{"client_id":"me","client_secret":"BODYSECRET012"}',
        },
      ]);
      const shown = await probed.text();
      expect(shown).toMatch(/authentication/);
      expect(shown).not.toMatch(/QUERYSECRET|BODYSECRET/);
      const results = await rows(
        `SELECT row_to_json(r)::text AS json FROM probe_results r WHERE integration_id = $1`,
        [created.id],
      );
      expect(results).toHaveLength(1);
      expect(String(results[0]?.json)).not.toMatch(/QUERYSECRET|BODYSECRET/);
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });

  it('stores a client certificate with its key sealed, keeps it only for its origin, refuses one that cannot work', async () => {
    const tls = (name: string) =>
      readFileSync(
        join(__dirname, '..', '..', '..', '..', 'libs', 'probe', 'test', 'fixtures', 'tls', name),
        'utf8',
      );
    const url = 'https://api.example.com/whoami';
    const certificate = tls('client.pem');
    const wrong = await monitor.call('/api/integrations', {
      method: 'POST',
      json: {
        name: 'mTLS wrong key',
        url,
        clientCertificate: { certificate, privateKey: tls('other-client.key') },
      },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toMatch(/clientCertificate\.privateKey.*does not belong/);

    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: {
        name: 'mTLS',
        url,
        clientCertificate: {
          certificate,
          privateKey: tls('client-encrypted.key'),
          passphrase: 'fixture-passphrase',
        },
      },
    });
    expect(res.status).toBe(201);
    const created = HttpIntegrationSchema.parse(await res.json());
    expect(created.clientCertificate).toEqual({
      certificate: certificate.trim(),
      privateKey: MASKED_SECRET,
      passphrase: MASKED_SECRET,
    });
    const [stored] = await rows(`SELECT row_to_json(i)::text AS json FROM integrations i WHERE id = $1`, [
      created.id,
    ]);
    expect(String(stored?.json)).not.toMatch(/ENCRYPTED PRIVATE KEY|fixture-passphrase/);

    // An edit that sends the masks back keeps the key and passphrase (the prober's tests present them).
    const edited = await monitor.call(`/api/integrations/${created.id}`, {
      method: 'PATCH',
      json: { clientCertificate: created.clientCertificate, timeoutMs: 5000 },
    });
    expect(edited.status).toBe(200);
    const moved = await monitor.call(`/api/integrations/${created.id}`, {
      method: 'PATCH',
      json: { url: 'https://elsewhere.example/whoami' },
    });
    expect(moved.status).toBe(400);
    expect(JSON.stringify(await moved.json())).toMatch(/clientCertificate\.privateKey.*new origin/);
  });

  it('refuses a bad body with a 400 naming each field, and stores nothing', async () => {
    const before = await rows('SELECT count(*)::int AS n FROM integrations');
    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: {
        name: '',
        url: 'ftp://example.com',
        method: 'FETCH',
        auth: { type: 'digest' },
        intervalSeconds: 5,
        timeoutMs: 50,
        expectedStatus: [200, 200],
        tags: 'x',
        surprise: true,
      },
    });
    expect(res.status).toBe(400);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.details?.map((d) => d.field).sort()).toEqual(
      [
        'auth.type',
        'expectedStatus',
        'intervalSeconds',
        'method',
        'name',
        'surprise',
        'tags',
        'timeoutMs',
        'url',
      ].sort(),
    );
    expect(await rows('SELECT count(*)::int AS n FROM integrations')).toEqual(before);
  });

  it('refuses a timeout longer than the interval, and a body on a GET', async () => {
    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: 'x', url: 'https://a.example', intervalSeconds: 10, timeoutMs: 20000, body: '{}' },
    });
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.details).toEqual([
      { field: 'timeoutMs', message: 'timeoutMs must not exceed the interval (10000 ms)' },
      { field: 'body', message: 'a GET request cannot have a body' },
    ]);
  });

  it('answers 400 for a body that is not JSON and 409 for a taken name', async () => {
    const notJson = await monitor.call('/api/integrations', {
      method: 'POST',
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(JSON.stringify(await notJson.json())).not.toMatch(/at .*\.js/);
    await create('Taken name');
    const taken = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { ...github, name: 'Taken name' },
    });
    expect(taken.status).toBe(409);
    expect(ErrorBodySchema.parse(await taken.json()).details).toEqual([
      { field: 'name', message: 'is already used by another integration' },
    ]);
  });

  it('updates fields, keeps secrets sent back masked, and re-checks cross-field rules', async () => {
    const id = await create('To update');
    const patched = await monitor.call(`/api/integrations/${id}`, {
      method: 'PATCH',
      json: { paused: true, intervalSeconds: 30, auth: { type: 'bearer', token: MASKED_SECRET } },
    });
    expect(patched.status).toBe(200);
    expect(HttpIntegrationSchema.parse(await patched.json())).toMatchObject({
      paused: true,
      intervalSeconds: 30,
    });

    const tooLong = await monitor.call(`/api/integrations/${id}`, {
      method: 'PATCH',
      json: { timeoutMs: 40000 },
    });
    expect(tooLong.status).toBe(400);
    expect(ErrorBodySchema.parse(await tooLong.json()).details?.[0]?.field).toBe('timeoutMs');

    const wrongMask = await monitor.call(`/api/integrations/${id}`, {
      method: 'PATCH',
      json: { auth: { type: 'basic', username: 'me', password: MASKED_SECRET } },
    });
    expect(ErrorBodySchema.parse(await wrongMask.json()).details?.[0]?.field).toBe('auth.password');
  });

  it('answers 404 for unknown and malformed ids, then deletes', async () => {
    for (const id of ['0b7c2a8e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await monitor.call(`/api/integrations/${id}`)).status).toBe(404);
      expect((await monitor.call(`/api/integrations/${id}`, { method: 'DELETE' })).status).toBe(404);
    }
    const id = await create('To delete');
    expect((await monitor.call(`/api/integrations/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await monitor.call(`/api/integrations/${id}`)).status).toBe(404);
  });
});
