import {
  ErrorBodySchema,
  HttpIntegrationSchema,
  MASKED_SECRET,
  OverviewSchema,
  ProbeResultPageSchema,
  ProbeResultSchema,
  TrendSchema,
} from '@ihm/contracts';
import { createSandboxServer } from '@ihm/sandbox';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMonitor, type RunningMonitor } from './monitor-app';

describe('probe API', () => {
  let sandbox: Server;
  let sandboxUrl: string;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    sandbox = createSandboxServer();
    await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
    sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
    monitor = await startMonitor();
  });
  afterAll(async () => {
    await monitor.close();
    await new Promise((resolve) => sandbox.close(resolve));
  });

  async function register(path: string, extra: Record<string, unknown> = {}) {
    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: path, url: sandboxUrl + path, ...extra },
    });
    expect(res.status).toBe(201);
    return HttpIntegrationSchema.parse(await res.json());
  }

  it('probes now, stores the result and pages results newest first', async () => {
    const integration = await register('/auth/expired-token', {
      auth: { type: 'bearer', token: 'SECRET-BEARER-123' },
    });
    const first = ProbeResultSchema.parse(
      await (await monitor.call(`/api/integrations/${integration.id}/probe`, { method: 'POST' })).json(),
    );
    expect(first).toMatchObject({
      integrationId: integration.id,
      status: 'down',
      category: 'authentication',
      httpStatus: 401,
    });
    expect(first.troubleshooting.length).toBeGreaterThan(2);
    await monitor.call(`/api/integrations/${integration.id}/probe`, { method: 'POST' });
    await monitor.call(`/api/integrations/${integration.id}/probe`, { method: 'POST' });

    const page1 = ProbeResultPageSchema.parse(
      await (await monitor.call(`/api/integrations/${integration.id}/results?limit=2`)).json(),
    );
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = ProbeResultPageSchema.parse(
      await (
        await monitor.call(`/api/integrations/${integration.id}/results?limit=2&cursor=${page1.nextCursor}`)
      ).json(),
    );
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const times = [...page1.items, ...page2.items].map((r) => r.startedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page2.items[0]).toEqual(first);
    expect(JSON.stringify([page1, page2])).not.toContain('SECRET-BEARER-123');

    const overview = OverviewSchema.parse(await (await monitor.call('/api/overview')).json());
    expect(overview.counts.byCategory.authentication).toBe(1);
    const listed = overview.integrations.find((item) => item.id === integration.id);
    expect(listed?.latencySparklineMs.some((ms) => ms !== null)).toBe(true);

    const trend = TrendSchema.parse(
      await (await monitor.call(`/api/integrations/${integration.id}/trend?window=1h`)).json(),
    );
    expect(trend.bucketSeconds).toBe(60);
    expect(trend.points.length).toBeGreaterThanOrEqual(60);
    const probed = trend.points.filter((p) => p.probes > 0);
    expect(probed.reduce((sum, p) => sum + p.probes, 0)).toBe(3);
    expect(probed.every((p) => p.successRate === 0 && p.latencyP50Ms.total !== null)).toBe(true);
    expect((await monitor.call(`/api/integrations/${integration.id}/trend?window=2w`)).status).toBe(400);
  });

  it('dry-runs an unsaved definition and stores nothing', async () => {
    const counts = async () =>
      OverviewSchema.parse(await (await monitor.call('/api/overview')).json()).counts;
    const before = await counts();
    const res = await monitor.call('/api/probe', {
      method: 'POST',
      json: { url: `${sandboxUrl}/rate-limit/exceeded` },
    });
    expect(res.status).toBe(200);
    expect(ProbeResultSchema.parse(await res.json())).toMatchObject({
      category: 'rate_limiting',
      integrationId: null,
    });
    expect(await counts()).toEqual(before);
  });

  it('dry-runs an edit with the stored secrets where the form sends them masked', async () => {
    const guarded = createServer((req, res) => {
      res.writeHead(req.headers.authorization === 'Bearer right-token' ? 200 : 401).end('{}');
    });
    await new Promise<void>((resolve) => guarded.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(guarded.address() as AddressInfo).port}/`;
    try {
      const created = await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name: 'guarded', url, auth: { type: 'bearer', token: 'right-token' } },
      });
      const integration = HttpIntegrationSchema.parse(await created.json());
      expect(integration.auth).toEqual({ type: 'bearer', token: MASKED_SECRET });

      const edited = { url, auth: integration.auth, timeoutMs: 2000 };
      const withStored = await monitor.call(`/api/probe?integrationId=${integration.id}`, {
        method: 'POST',
        json: edited,
      });
      expect(ProbeResultSchema.parse(await withStored.json())).toMatchObject({
        status: 'up',
        httpStatus: 200,
      });

      const withoutBase = await monitor.call('/api/probe', { method: 'POST', json: edited });
      expect(withoutBase.status).toBe(400);
      expect(ErrorBodySchema.parse(await withoutBase.json()).details?.[0]?.field).toBe('auth.token');
    } finally {
      await new Promise((resolve) => guarded.close(resolve));
    }
  });

  it('does not send a stored secret to an edit that points the URL at another origin', async () => {
    const seen: (string | undefined)[] = [];
    const collector = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200).end('{}');
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const created = await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name: 'moved', url: sandboxUrl, auth: { type: 'bearer', token: 'stored-token' } },
      });
      const integration = HttpIntegrationSchema.parse(await created.json());
      const moved = {
        url: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`,
        auth: integration.auth,
      };
      for (const [path, method] of [
        [`/api/probe?integrationId=${integration.id}`, 'POST'],
        [`/api/integrations/${integration.id}`, 'PATCH'],
      ] as const) {
        const res = await monitor.call(path, { method, json: moved });
        expect(res.status).toBe(400);
        expect(ErrorBodySchema.parse(await res.json()).details).toEqual([
          { field: 'auth.token', message: expect.stringMatching(/^enter the secret again/) },
        ]);
      }
      expect(seen).toEqual([]);
      const stored = HttpIntegrationSchema.parse(
        await (await monitor.call(`/api/integrations/${integration.id}`)).json(),
      );
      expect(stored.url).toBe(sandboxUrl);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });

  it('refuses a schema that does not compile with the compiler message', async () => {
    const res = await monitor.call('/api/probe', {
      method: 'POST',
      json: { url: sandboxUrl, responseSchema: { type: 'objekt' } },
    });
    expect(res.status).toBe(400);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.details?.[0]).toMatchObject({
      field: 'responseSchema',
      message: expect.stringMatching(/^is not a valid JSON Schema: schema is invalid/),
    });
  });

  it('answers 404 for an unknown integration and 400 for a bad cursor', async () => {
    expect(
      (await monitor.call('/api/integrations/0b7c2a8e-0000-4000-8000-000000000000/probe', { method: 'POST' }))
        .status,
    ).toBe(404);
    const integration = await register('/v1/widgets');
    expect((await monitor.call(`/api/integrations/${integration.id}/results?cursor=abc`)).status).toBe(400);
  });
});
