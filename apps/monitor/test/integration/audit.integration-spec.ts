import { AuditPageSchema, CreatedApiTokenSchema, IntegrationSchema, SessionSchema } from '@ihm/contracts';
import { startMonitor, type RunningMonitor } from './monitor-app';

describe('the audit log', () => {
  let monitor: RunningMonitor;

  beforeAll(async () => {
    monitor = await startMonitor({ ADMIN_PASSWORD: 'audit-admin-password' });
  });
  afterAll(() => monitor.close());

  const audit = async (query = '') =>
    AuditPageSchema.parse(await (await monitor.call(`/api/audit${query}`)).json());

  it('records who created, changed, paused, tested and deleted what, with field names but no secret values', async () => {
    const signedIn = SessionSchema.parse(
      await (
        await monitor.call('/api/session', {
          method: 'POST',
          token: null,
          json: { password: 'audit-admin-password' },
        })
      ).json(),
    );
    const integration = IntegrationSchema.parse(
      await (
        await monitor.call('/api/integrations', {
          method: 'POST',
          token: signedIn.token,
          json: {
            name: 'Payments',
            url: 'https://payments.example.com/health',
            auth: { type: 'bearer', token: 'SUPER-SECRET-BEARER' },
          },
        })
      ).json(),
    );
    const script = CreatedApiTokenSchema.parse(
      await (
        await monitor.call('/api/tokens', { method: 'POST', json: { name: 'nightly job', role: 'editor' } })
      ).json(),
    );
    const patch = (json: unknown) =>
      monitor.call(`/api/integrations/${integration.id}`, { method: 'PATCH', token: script.token, json });
    expect((await patch({ paused: true })).status).toBe(200);
    expect((await patch({ timeoutMs: 5000, headers: { 'X-Api-Key': 'ANOTHER-SECRET' } })).status).toBe(200);
    expect((await patch({ timeoutMs: -1 })).status).toBe(400); // refused: nothing changed, nothing recorded
    expect(
      (await monitor.call(`/api/integrations/${integration.id}`, { method: 'DELETE', token: script.token }))
        .status,
    ).toBe(204);

    const page = await audit('?objectType=integration');
    expect(page.items.map((e) => [e.action, e.actor.kind, e.actor.name, e.object.name, e.fields])).toEqual([
      ['integration.deleted', 'token', 'nightly job', 'Payments', []],
      ['integration.changed', 'token', 'nightly job', 'Payments', ['headers.X-Api-Key', 'timeoutMs']],
      ['integration.paused', 'token', 'nightly job', 'Payments', ['paused']],
      ['integration.created', 'user', 'admin', 'Payments', ['auth.token', 'auth.type', 'name', 'url']],
    ]);
    expect(page.items.every((e) => e.object.id === integration.id)).toBe(true);
    const everything = JSON.stringify(await audit());
    expect(everything).not.toContain('SUPER-SECRET-BEARER');
    expect(everything).not.toContain('ANOTHER-SECRET');
    expect(everything).not.toContain(script.token);
    expect(everything).toContain('"action":"token.created"');
  });

  it('pages newest first and is readable by viewers', async () => {
    const viewer = CreatedApiTokenSchema.parse(
      await (
        await monitor.call('/api/tokens', { method: 'POST', json: { name: 'auditor', role: 'viewer' } })
      ).json(),
    );
    const first = AuditPageSchema.parse(
      await (await monitor.call('/api/audit?limit=2', { token: viewer.token })).json(),
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1]!.id);
    const second = await audit(`?limit=2&before=${first.nextBefore}`);
    expect(BigInt(second.items[0]!.id)).toBeLessThan(BigInt(first.items[1]!.id));
    expect((await monitor.call('/api/audit?limit=0')).status).toBe(400);
  });
});
