import { IntegrationSchema, ProbeResultPageSchema, ProbeResultSchema } from '@ihm/contracts';
import { createSandboxServer } from '@ihm/sandbox';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMonitor, type RunningMonitor } from './monitor-app';

describe('bearer token expiry in probe results', () => {
  let sandbox: Server;
  let url: string;
  let monitor: RunningMonitor;

  const exp = Math.floor(Date.now() / 1000) + 30 * 86_400;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jwt = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'monitor', exp })}.signature`;
  const expiresAt = new Date(exp * 1000).toISOString();

  beforeAll(async () => {
    sandbox = createSandboxServer();
    await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}/v1/widgets`;
    monitor = await startMonitor();
  });
  afterAll(async () => {
    await monitor.close();
    await new Promise((resolve) => sandbox.close(resolve));
  });

  async function probeNowAndRead(name: string, token: string) {
    const created = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name, url, auth: { type: 'bearer', token } },
    });
    const { id } = IntegrationSchema.parse(await created.json());
    const now = await monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' });
    const stored = await monitor.call(`/api/integrations/${id}/results`);
    return {
      now: ProbeResultSchema.parse(await now.json()),
      stored: ProbeResultPageSchema.parse(await stored.json()).items,
    };
  }

  it("returns and stores the JWT's exp for probe now and the results page", async () => {
    const { now, stored } = await probeNowAndRead('JWT bearer', jwt);
    expect(now).toMatchObject({ status: 'up', tokenExpiresAt: expiresAt });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenExpiresAt).toBe(expiresAt);
  });

  it('is null for an opaque bearer token', async () => {
    const { now, stored } = await probeNowAndRead('Opaque bearer', 'opaque-token-123');
    expect(now.tokenExpiresAt).toBeNull();
    expect(stored[0]?.tokenExpiresAt).toBeNull();
  });

  it('is returned by the dry run', async () => {
    const res = await monitor.call('/api/probe', {
      method: 'POST',
      json: { url, auth: { type: 'bearer', token: jwt } },
    });
    expect(ProbeResultSchema.parse(await res.json()).tokenExpiresAt).toBe(expiresAt);
  });
});
