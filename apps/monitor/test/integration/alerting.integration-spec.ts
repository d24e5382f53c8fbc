import {
  AlertDetailSchema,
  AlertListSchema,
  AlertRuleSchema,
  ChannelDeliveryListSchema,
  ChannelSchema,
  ChannelTestResultSchema,
  ErrorBodySchema,
  IntegrationSchema,
  type Integration,
} from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { PrismaClient } from '@ihm/db';
import { AlertRetention } from '../../src/alerting/alerts/alert-retention.service';
import { AlertEvaluator } from '../../src/alerting/evaluation/alert-evaluator.service';
import type { WebhookPayload } from '../../src/alerting/channels/webhook/payload';
import { WebhookReceiver } from '../receivers/webhook-receiver';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { switchableTarget } from './processes';

describe('alerting', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  let receiver: WebhookReceiver;
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start({ secret });
    target = await switchableTarget();
    monitor = await startMonitor({ ROLE: 'all', DASHBOARD_URL: 'http://dashboard.test' });
  });
  afterAll(async () => {
    await monitor.close();
    await receiver.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  const json = async <T>(res: Response, schema: { parse(value: unknown): T }, status = 200): Promise<T> => {
    const body: unknown = await res.json();
    expect({ status: res.status, body }).toMatchObject({ status });
    return schema.parse(body);
  };
  const probe = (id: string) => monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' });

  it('starts with the default rule: 3 consecutive failures of any category', async () => {
    const rules = (await (await monitor.call('/api/alert-rules')).json()) as { items: unknown[] };
    expect(rules.items.map((r) => AlertRuleSchema.parse(r))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Default: 3 consecutive failures',
          condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
          scope: {},
          minSeverity: 'down',
        }),
      ]),
    );
  });

  it('generates a webhook secret when none is given, shows it once and masks it after', async () => {
    const created = await json(
      await monitor.call('/api/channels', {
        method: 'POST',
        json: { name: 'Generated secret', type: 'webhook', config: { url: receiver.url('/other') } },
      }),
      ChannelSchema,
      201,
    );
    expect(created.config.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}/);
    const read = await json(await monitor.call(`/api/channels/${created.id}`), ChannelSchema);
    expect(read.config.secret).toBe('********');
    expect(read.health).toMatchObject({ state: 'unused', pending: 0 });
    // A test to a port nothing listens on fails, and the channel says so.
    const dead = await json(
      await monitor.call('/api/channels', {
        method: 'POST',
        json: { name: 'Dead end', type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' } },
      }),
      ChannelSchema,
      201,
    );
    const refused = await json(
      await monitor.call(`/api/channels/${dead.id}/test`, { method: 'POST' }),
      ChannelTestResultSchema,
    );
    expect(refused).toMatchObject({ ok: false, status: null });
    const deadRead = await json(await monitor.call(`/api/channels/${dead.id}`), ChannelSchema);
    expect(deadRead.health).toMatchObject({ state: 'failing', lastError: refused.error });
  });

  it('refuses a bad rule and a bad channel field by field', async () => {
    const rule = await monitor.call('/api/alert-rules', {
      method: 'POST',
      json: {
        name: 'x',
        condition: { type: 'failureRatio', percent: 200, windowMinutes: 15 },
        channelIds: ['nope'],
      },
    });
    expect(await json(rule, ErrorBodySchema, 400)).toMatchObject({
      details: [
        { field: 'condition.percent', message: 'percent must be at most 100' },
        { field: 'channelIds.0', message: 'must be a channel id' },
      ],
    });
    const channel = await monitor.call('/api/channels', {
      method: 'POST',
      json: { name: 'x', type: 'webhook', config: { url: 'ftp://nowhere', secret: 'plain' } },
    });
    expect((await json(channel, ErrorBodySchema, 400)).details?.map((d) => d.field)).toEqual([
      'config.url',
      'config.secret',
    ]);
  });

  it('fires once, delivers signed, takes an acknowledgement, retries a refused delivery, and resolves in order', async () => {
    const created = await monitor.call('/api/channels', {
      method: 'POST',
      json: { name: 'Ops webhook', type: 'webhook', config: { url: receiver.url(), secret } },
    });
    const channel = await json(created, ChannelSchema, 201);
    expect(channel.config).toEqual({ url: receiver.url(), secret: '********' });

    // An edit that leaves the secret out (a form never holds it) keeps the stored one: the test below is signed with it.
    const edited = await monitor.call(`/api/channels/${channel.id}`, {
      method: 'PUT',
      json: { name: 'Ops webhook', type: 'webhook', config: { url: receiver.url() } },
    });
    const stored = await json(edited, ChannelSchema);
    expect(stored.config).toEqual({ url: receiver.url(), secret: '********' });

    const tested = await json(
      await monitor.call(`/api/channels/${channel.id}/test`, { method: 'POST' }),
      ChannelTestResultSchema,
    );
    expect(tested).toMatchObject({ ok: true, status: 200 });
    const [test] = await receiver.waitForDeliveries(1);
    expect(test).toMatchObject({ verified: true, json: { type: 'alert.test' } });
    // The test is the channel's first evidence: healthy before any alert, and not an edit of it.
    const afterTest = await json(await monitor.call(`/api/channels/${channel.id}`), ChannelSchema);
    expect(afterTest.health).toMatchObject({
      state: 'healthy',
      lastAttemptAt: expect.any(String),
      lastError: null,
    });
    expect(afterTest.updatedAt).toBe(stored.updatedAt);

    const rule = await json(
      await monitor.call('/api/alert-rules', {
        method: 'POST',
        json: {
          name: 'Orders down',
          condition: { type: 'consecutiveFailures', count: 2 },
          channelIds: [channel.id],
        },
      }),
      AlertRuleSchema,
      201,
    );
    const integration = await json(
      await monitor.call('/api/integrations', {
        method: 'POST',
        // Paused: the scheduler leaves it alone, so the test alone decides when it is probed.
        json: { name: 'Orders', url: `${target.url}/orders`, paused: true },
      }),
      IntegrationSchema,
      201,
    );

    expect((await probe(integration.id)).status).toBe(200);
    expect((await probe(integration.id)).status).toBe(200);
    const [, firing] = await receiver.waitForDeliveries(2);
    expect(firing).toMatchObject({
      verified: true,
      json: {
        type: 'alert.firing',
        alert: { rule: { id: rule.id, name: 'Orders down' }, category: 'server_error', state: 'firing' },
        integrations: [{ id: integration.id, name: 'Orders', category: 'server_error' }],
        url: `http://dashboard.test/integrations/${integration.id}`,
      },
    });
    expect(firing!.headers['webhook-id']).toMatch(/^msg_/);

    const alerts = await json(
      await monitor.call(`/api/alerts?state=firing&integrationId=${integration.id}`),
      AlertListSchema,
    );
    const alert = alerts.items.find((a) => a.ruleId === rule.id);
    expect(alert).toMatchObject({ state: 'firing', category: 'server_error', integrationName: 'Orders' });

    const acknowledged = await json(
      await monitor.call(`/api/alerts/${alert!.id}/acknowledge`, { method: 'POST' }),
      AlertDetailSchema,
    );
    expect(acknowledged).toMatchObject({ acknowledgedBy: 'API token', state: 'firing' });
    expect(acknowledged.deliveries).toEqual([
      expect.objectContaining({ channelId: channel.id, kind: 'firing', outcome: 'delivered', status: 200 }),
    ]);

    // The receiver refuses the resolution once; the outbox tries again (backoff about 5 s) and it arrives.
    receiver.respondWith({ status: 503, body: 'maintenance' });
    target.answer(200);
    expect((await probe(integration.id)).status).toBe(200);
    const received = await receiver.waitForDeliveries(4, 15_000);
    expect(received.slice(2).map((d) => [d.json, d.verified])).toEqual([
      [expect.objectContaining({ type: 'alert.resolved' }), true],
      [expect.objectContaining({ type: 'alert.resolved' }), true],
    ]);
    // Both attempts carried the same id: a receiver that saw the first can tell the second is a retry.
    expect(received[2]!.headers['webhook-id']).toBe(received[3]!.headers['webhook-id']);

    // The receiver has the retry; the worker records the attempt just after it answered.
    let detail = await json(await monitor.call(`/api/alerts/${alert!.id}`), AlertDetailSchema);
    for (let tries = 0; detail.deliveries.length < 3 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      detail = await json(await monitor.call(`/api/alerts/${alert!.id}`), AlertDetailSchema);
    }
    expect(detail).toMatchObject({ state: 'resolved', resolvedAt: expect.any(String) });
    expect(detail.deliveries.map((d) => [d.kind, d.outcome, d.status])).toEqual([
      ['firing', 'delivered', 200],
      ['resolved', 'failed', 503],
      ['resolved', 'delivered', 200],
    ]);

    // The channel's own log: the same attempts, newest first, a page at a time.
    const log = await json(
      await monitor.call(`/api/channels/${channel.id}/deliveries?limit=2`),
      ChannelDeliveryListSchema,
    );
    expect(log.items.map((d) => [d.kind, d.outcome, d.status, d.integrationName, d.alertId])).toEqual([
      ['resolved', 'delivered', 200, 'Orders', alert!.id],
      ['resolved', 'failed', 503, 'Orders', alert!.id],
    ]);
    expect(log.items[1]!.error).toMatch(/503/);
    const rest = await json(
      await monitor.call(`/api/channels/${channel.id}/deliveries?limit=2&before=${log.nextBefore}`),
      ChannelDeliveryListSchema,
    );
    expect(rest).toMatchObject({ items: [{ kind: 'firing', outcome: 'delivered' }], nextBefore: null });
    const bad = await monitor.call(`/api/channels/${channel.id}/deliveries?limit=0&before=x`);
    expect((await json(bad, ErrorBodySchema, 400)).details?.map((d) => d.field)).toEqual(['limit', 'before']);
    expect((await monitor.call('/api/channels/nope/deliveries')).status).toBe(404);

    // Retention forgets resolved alerts past ALERT_RETENTION_DAYS (90), with their log; not a day sooner.
    const retention = monitor.app.get(AlertRetention);
    expect(await retention.apply(new Date(Date.now() + 89 * 86_400_000))).toBe(0);
    expect(await retention.apply(new Date(Date.now() + 91 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect((await monitor.call(`/api/alerts/${alert!.id}`)).status).toBe(404);
    const emptied = await json(
      await monitor.call(`/api/channels/${channel.id}/deliveries`),
      ChannelDeliveryListSchema,
    );
    expect(emptied.items).toEqual([]);
  }, 30_000);

  it('reminds of a firing alert when its interval has passed, with no new result, once per interval', async () => {
    const channel = await json(
      await monitor.call('/api/channels', {
        method: 'POST',
        json: { name: 'Reminders', type: 'webhook', config: { url: receiver.url('/reminders'), secret } },
      }),
      ChannelSchema,
      201,
    );
    const rule = await json(
      await monitor.call('/api/alert-rules', {
        method: 'POST',
        json: {
          name: 'Hourly reminders',
          condition: { type: 'consecutiveFailures', count: 1 },
          channelIds: [channel.id],
          renotifyMinutes: 60,
        },
      }),
      AlertRuleSchema,
      201,
    );
    target.answer(500);
    const integration = await json(
      await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name: 'Billing', url: `${target.url}/billing`, paused: true },
      }),
      IntegrationSchema,
      201,
    );
    const reminders = () => receiver.deliveries.filter((d) => d.path === '/reminders');
    const sent = receiver.deliveries.length;
    expect((await probe(integration.id)).status).toBe(200);
    await receiver.waitForDeliveries(sent + 1, 10_000);
    expect(reminders().map((d) => (d.json as { type: string }).type)).toEqual(['alert.firing']);

    const clock = monitor.app.get(AlertEvaluator);
    await clock.clock();
    // Not due yet: nothing more.
    expect(reminders()).toHaveLength(1);
    // An hour passes with the integration paused: its state says it was last told 61 minutes ago.
    await monitor.app.get(PrismaClient).$executeRaw`
      UPDATE alert_evaluations SET state = jsonb_set(state, '{state,alert,lastNotifiedAt,$date}',
        to_jsonb(to_char((now() - interval '61 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      WHERE rule_id = ${rule.id}::uuid AND integration_id = ${integration.id}::uuid`;
    await clock.clock();
    await receiver.waitForDeliveries(sent + 2, 10_000);
    expect(reminders().map((d) => d.json)).toEqual([
      expect.objectContaining({ type: 'alert.firing' }),
      expect.objectContaining({ type: 'alert.firing', reason: 'renotify' }),
    ]);
    await clock.clock();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(reminders()).toHaveLength(2);
    target.answer(200);
  }, 30_000);

  it('resolves firing alerts, and says why, when their integration or rule is deleted or the scope leaves them out', async () => {
    const channel = await json(
      await monitor.call('/api/channels', {
        method: 'POST',
        json: { name: 'Closing', type: 'webhook', config: { url: receiver.url('/closing'), secret } },
      }),
      ChannelSchema,
      201,
    );
    target.answer(500);
    const names = ['Gone', 'Left out', 'Ruled out'];
    const integrations = await Promise.all(
      names.map(async (name) =>
        json(
          await monitor.call('/api/integrations', {
            method: 'POST',
            json: {
              name,
              url: `${target.url}/${name.length}`,
              paused: true,
              tags: [name === 'Ruled out' ? 'b' : 'a'],
            },
          }),
          IntegrationSchema,
          201,
        ),
      ),
    );
    const [gone, leftOut, ruledOut] = integrations as [Integration, Integration, Integration];
    const rule = (tags: string[]) =>
      monitor.call('/api/alert-rules', {
        method: 'POST',
        json: {
          name: `Tags ${tags}`,
          condition: { type: 'consecutiveFailures', count: 1 },
          scope: { tags },
          channelIds: [channel.id],
        },
      });
    const ruleA = await json(await rule(['a']), AlertRuleSchema, 201);
    const ruleB = await json(await rule(['b']), AlertRuleSchema, 201);
    const closing = () =>
      receiver.deliveries.filter((d) => d.path === '/closing').map((d) => d.json as WebhookPayload);
    await Promise.all(integrations.map((i) => probe(i.id)));
    const until = async (count: number) => {
      for (let tries = 0; closing().length < count && tries < 100; tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 100));
      return closing();
    };
    expect((await until(3)).map((b) => b.type)).toEqual(['alert.firing', 'alert.firing', 'alert.firing']);

    expect((await monitor.call(`/api/integrations/${gone.id}`, { method: 'DELETE' })).status).toBe(204);
    const patched = await monitor.call(`/api/alert-rules/${ruleA.id}`, {
      method: 'PATCH',
      json: { scope: { integrationIds: [gone.id] } },
    });
    expect(patched.status).toBe(200);
    expect((await monitor.call(`/api/alert-rules/${ruleB.id}`, { method: 'DELETE' })).status).toBe(204);

    // Three integrations, three streams: each in order, but not ordered among themselves; sorted by name.
    const byName = <T extends [string, ...unknown[]]>(rows: T[]) =>
      rows.sort((a, b) => a[0].localeCompare(b[0]));
    const resolved = (await until(6)).slice(3);
    expect(byName(resolved.map((b) => [b.integrations[0]?.name ?? '', b.type, b.reason]))).toEqual([
      ['Gone', 'alert.resolved', 'integration_deleted'],
      ['Left out', 'alert.resolved', 'out_of_scope'],
      ['Ruled out', 'alert.resolved', 'rule_deleted'],
    ]);
    expect(receiver.deliveries.filter((d) => d.path === '/closing').every((d) => d.verified)).toBe(true);
    // The channel's log keeps what was sent about alerts that are gone, named by the message. The receiver has
    // them; the worker logs each attempt just after it was answered.
    const resolvedLog = async () =>
      (
        await json(await monitor.call(`/api/channels/${channel.id}/deliveries`), ChannelDeliveryListSchema)
      ).items.filter((d) => d.kind === 'resolved');
    let logged = await resolvedLog();
    for (let tries = 0; logged.length < 3 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      logged = await resolvedLog();
    }
    expect(byName(logged.map((d) => [d.integrationName, d.alertId === null]))).toEqual([
      ['Gone', true],
      ['Left out', false],
      ['Ruled out', true],
    ]);
    const alerts = await json(await monitor.call(`/api/alerts?integrationId=${leftOut.id}`), AlertListSchema);
    expect(alerts.items.filter((a) => a.ruleId === ruleA.id).map((a) => a.state)).toEqual(['resolved']);
    // The deleted rule's alerts went with it; the integration stays.
    const ruled = await json(await monitor.call(`/api/alerts?integrationId=${ruledOut.id}`), AlertListSchema);
    expect(ruled.items.filter((a) => a.ruleId === ruleB.id)).toEqual([]);
    expect((await monitor.call(`/api/integrations/${ruledOut.id}`)).status).toBe(200);
  }, 30_000);
});
