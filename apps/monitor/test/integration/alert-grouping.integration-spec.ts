import { AlertDetailSchema, AlertListSchema, ChannelSchema, IntegrationSchema } from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { WebhookReceiver, type ReceivedDelivery } from '../receivers/webhook-receiver';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { sleep, switchableTarget } from './processes';

const INTEGRATIONS = 8;
const GROUP_WAIT_SECONDS = 3;

describe('grouped notifications', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  let webhook: WebhookReceiver;
  let pagerduty: WebhookReceiver;
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    webhook = await WebhookReceiver.start({ secret });
    pagerduty = await WebhookReceiver.start({
      reply: { status: 202, body: '{"status":"success","message":"Event processed"}' },
    });
    target = await switchableTarget();
    monitor = await startMonitor({
      ROLE: 'all',
      DASHBOARD_URL: 'http://dashboard.test',
      ALERT_GROUP_WAIT_SECONDS: String(GROUP_WAIT_SECONDS),
    });
  });
  afterAll(async () => {
    await monitor.close();
    await webhook.close();
    await pagerduty.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  const created = async (path: string, json: unknown) => {
    const res = await monitor.call(path, { method: 'POST', json });
    expect(res.status).toBe(201);
    return res.json() as Promise<unknown>;
  };
  const probeAll = (ids: readonly string[]) =>
    Promise.all(ids.map((id) => monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' })));
  const bodies = (deliveries: readonly ReceivedDelivery[]) =>
    deliveries.map((d) => d.json as { type: string; summary: string; integrations: { id: string }[] });

  it('sends people one message for integrations failing the same way at once, and Alertmanager-like channels each', async () => {
    const hook = ChannelSchema.parse(
      await created('/api/channels', {
        name: 'Ops',
        type: 'webhook',
        config: { url: webhook.url(), secret },
      }),
    );
    const pager = ChannelSchema.parse(
      await created('/api/channels', {
        name: 'On call',
        type: 'pagerduty',
        config: { routingKey: 'R0UT1NGKEY0123456789ABCDEFGHIJKL', url: pagerduty.url('/v2/enqueue') },
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < INTEGRATIONS; i += 1) {
      const integration = IntegrationSchema.parse(
        // Paused: only the test's probes count.
        await created('/api/integrations', {
          name: `Shop ${i}`,
          url: `${target.url}/shop/${i}`,
          paused: true,
        }),
      );
      ids.push(integration.id);
    }
    await created('/api/alert-rules', {
      name: 'Shops fail',
      condition: { type: 'consecutiveFailures', count: 1 },
      scope: { integrationIds: ids },
      channelIds: [hook.id, pager.id],
    });

    const failedAt = Date.now();
    await probeAll(ids);
    // PagerDuty groups alerts itself and needs each one's dedup_key to resolve it: one event per alert, at once.
    const triggers = await pagerduty.waitForDeliveries(INTEGRATIONS, 10_000);
    expect(new Set(triggers.map((d) => (d.json as { dedup_key: string }).dedup_key)).size).toBe(INTEGRATIONS);
    expect(webhook.deliveries).toHaveLength(0);

    const [grouped] = await webhook.waitForDeliveries(1, 15_000);
    expect(grouped!.at.getTime() - failedAt).toBeGreaterThanOrEqual(GROUP_WAIT_SECONDS * 1000 - 500);
    expect(grouped!.verified).toBe(true);
    const [firing] = bodies([grouped!]);
    expect(firing).toMatchObject({
      type: 'alert.firing',
      summary: expect.stringMatching(/^8 integrations: /),
    });
    expect(firing!.integrations.map((i) => i.id).sort()).toEqual([...ids].sort());
    // Nothing else is on its way: the group was the whole story.
    await sleep((GROUP_WAIT_SECONDS + 1) * 1000);
    expect(webhook.deliveries).toHaveLength(1);

    // Each alert's own history shows the delivery of the message it was part of.
    const alerts = AlertListSchema.parse(await (await monitor.call('/api/alerts?state=firing')).json());
    const mine = alerts.items.filter((a) => ids.includes(a.integrationId));
    expect(mine).toHaveLength(INTEGRATIONS);
    const detail = AlertDetailSchema.parse(await (await monitor.call(`/api/alerts/${mine[0]!.id}`)).json());
    expect(detail.deliveries.filter((d) => d.channelId === hook.id)).toEqual([
      expect.objectContaining({ kind: 'firing', outcome: 'delivered', status: 200 }),
    ]);

    target.answer(200);
    await probeAll(ids);
    const [, resolved] = bodies(await webhook.waitForDeliveries(2, 15_000));
    expect(resolved).toMatchObject({
      type: 'alert.resolved',
      summary: expect.stringMatching(/^8 integrations resolved: /),
    });
    expect(resolved!.integrations).toHaveLength(INTEGRATIONS);
    expect(webhook.deliveries[1]!.headers['webhook-id']).not.toBe(
      webhook.deliveries[0]!.headers['webhook-id'],
    );
  }, 60_000);
});
