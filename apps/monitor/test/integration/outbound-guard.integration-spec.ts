import {
  ChannelSchema,
  ErrorBodySchema,
  IntegrationListSchema,
  IntegrationSchema,
  ProbeResultSchema,
} from '@ihm/contracts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMonitor, type RunningMonitor } from './monitor-app';

/** The monitor with the outbound guard's defaults (no ALLOW_PRIVATE_TARGETS) and a target that counts requests. */
describe('the outbound guard, through the API', () => {
  let monitor: RunningMonitor;
  let target: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    target = createServer((_req, res) => {
      requests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
    monitor = await startMonitor({ ALLOW_PRIVATE_TARGETS: 'false' });
  });
  afterAll(async () => {
    await monitor.close();
    await new Promise((resolve) => target.close(resolve));
  });

  const post = (path: string, json: unknown) => monitor.call(path, { method: 'POST', json });

  it('refuses literal private, loopback and metadata addresses when an integration is saved', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[::ffff:10.0.0.5]/',
      'http://2130706433/',
    ]) {
      const res = await post('/api/integrations', { name: `refused ${url}`, url });
      expect(res.status).toBe(400);
      const body = ErrorBodySchema.parse(await res.json());
      expect(body.details).toEqual([
        { field: 'url', message: expect.stringMatching(/^refused by the outbound guard: .* address/) },
      ]);
    }
    const list = IntegrationListSchema.parse(await (await monitor.call('/api/integrations')).json());
    expect(list.total).toBe(0);
  });

  it('probes a name that resolves to loopback into a connectivity result, sending nothing', async () => {
    const created = IntegrationSchema.parse(
      await (
        await post('/api/integrations', { name: 'local by name', url: `http://localhost:${port}/` })
      ).json(),
    );
    const result = ProbeResultSchema.parse(
      await (await monitor.call(`/api/integrations/${created.id}/probe`, { method: 'POST' })).json(),
    );
    expect(result).toMatchObject({ status: 'down', category: 'connectivity', httpStatus: null });
    expect(result.message).toMatch(
      /^Refused by the outbound guard: localhost resolves to (127\.0\.0\.1|::1), a loopback address; set ALLOWED_TARGET_CIDRS/,
    );
    expect(requests).toBe(0);
  });

  it('refuses channels to refused addresses, and a send test by name reaches nothing', async () => {
    const refused = await post('/api/channels', {
      name: 'Internal Alertmanager',
      type: 'alertmanager',
      config: { url: 'http://10.1.2.3:9093' },
    });
    expect(refused.status).toBe(400);
    expect(ErrorBodySchema.parse(await refused.json()).details).toEqual([
      {
        field: 'config.url',
        message: expect.stringMatching(/10\.1\.2\.3 is a private \(RFC 1918\) address/),
      },
    ]);
    const email = await post('/api/channels', {
      name: 'Metadata mail',
      type: 'email',
      config: {
        host: '169.254.169.254',
        port: 25,
        secure: false,
        from: 'a@example.com',
        to: ['b@example.com'],
      },
    });
    expect(email.status).toBe(400);
    expect(ErrorBodySchema.parse(await email.json()).details?.[0]?.field).toBe('config.host');

    const byName = ChannelSchema.parse(
      await (
        await post('/api/channels', {
          name: 'Webhook by name',
          type: 'webhook',
          config: { url: `http://localhost:${port}/hook` },
        })
      ).json(),
    );
    const test = await (await monitor.call(`/api/channels/${byName.id}/test`, { method: 'POST' })).json();
    expect(JSON.stringify(test)).toMatch(/refused by the outbound guard: localhost resolves to/);
    expect(requests).toBe(0);
  });
});
