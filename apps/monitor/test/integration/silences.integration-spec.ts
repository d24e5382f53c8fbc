import { AlertDetailSchema, AlertListSchema, IntegrationSchema, SilenceSchema } from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { WebhookReceiver } from '../receivers/webhook-receiver';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { sleep, switchableTarget } from './processes';

describe('silences', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  let receiver: WebhookReceiver;
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start({ secret });
    target = await switchableTarget();
    monitor = await startMonitor({ ROLE: 'all' });
  });
  afterAll(async () => {
    await monitor.close();
    await receiver.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  it('refuses a silence that ends before it starts, field by field', async () => {
    const res = await monitor.call('/api/silences', {
      method: 'POST',
      json: { startsAt: '2026-12-02T10:00:00Z', endsAt: '2026-12-02T09:00:00Z', comment: 'x' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      details: [{ field: 'endsAt', message: 'endsAt must be after startsAt' }],
    });
  });

  it('replaces a silence whole: a PUT without weekly windows makes it a one-off', async () => {
    const request = {
      scope: { tags: ['payments'] },
      startsAt: '2026-12-05T22:00:00.000Z',
      endsAt: '2026-12-26T22:00:00.000Z',
      comment: 'Saturday night upgrades',
      recurrence: { weekly: [{ day: 6, start: '22:00', end: '02:00' }] },
    };
    const created = SilenceSchema.parse(
      await (await monitor.call('/api/silences', { method: 'POST', json: request })).json(),
    );
    expect(created.recurrence).toEqual(request.recurrence);
    const { recurrence: _weekly, ...oneOff } = request;
    const replaced = await monitor.call(`/api/silences/${created.id}`, {
      method: 'PUT',
      json: { ...oneOff, comment: 'One last upgrade' },
    });
    expect(replaced.status).toBe(200);
    const read = SilenceSchema.parse(await (await monitor.call(`/api/silences/${created.id}`)).json());
    expect(read).toMatchObject({ comment: 'One last upgrade', recurrence: null });
    expect((await monitor.call(`/api/silences/${created.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('holds notifications while it holds, keeps the alert, and sends the alert as it is when it ends', async () => {
    const channel = (await (
      await monitor.call('/api/channels', {
        method: 'POST',
        json: { name: 'hook', type: 'webhook', config: { url: receiver.url(), secret } },
      })
    ).json()) as { id: string };
    await monitor.call('/api/alert-rules', {
      method: 'POST',
      json: {
        name: 'Two in a row',
        condition: { type: 'consecutiveFailures', count: 2 },
        channelIds: [channel.id],
      },
    });
    const integration = IntegrationSchema.parse(
      await (
        await monitor.call('/api/integrations', {
          method: 'POST',
          json: { name: 'Billing', url: `${target.url}/billing`, paused: true, tags: ['billing'] },
        })
      ).json(),
    );
    const silence = SilenceSchema.parse(
      await (
        await monitor.call('/api/silences', {
          method: 'POST',
          json: {
            scope: { tags: ['billing'] },
            startsAt: new Date(Date.now() - 60_000).toISOString(),
            endsAt: new Date(Date.now() + 3_600_000).toISOString(),
            comment: 'Billing provider maintenance',
          },
        })
      ).json(),
    );

    await monitor.call(`/api/integrations/${integration.id}/probe`, { method: 'POST' });
    await monitor.call(`/api/integrations/${integration.id}/probe`, { method: 'POST' });
    // Evaluated and delivered within a second or two, were it not silenced.
    await sleep(3_000);
    expect(receiver.deliveries).toEqual([]);
    const alerts = AlertListSchema.parse(
      await (await monitor.call(`/api/alerts?state=firing&integrationId=${integration.id}`)).json(),
    );
    expect(alerts.items.map((a) => a.ruleName)).toEqual(['Two in a row']);
    expect(alerts.counts).toMatchObject({ firing: 1 });
    // The alert's history shows the notification the silence holds, for no channel yet.
    const held = AlertDetailSchema.parse(
      await (await monitor.call(`/api/alerts/${alerts.items[0]!.id}`)).json(),
    );
    expect(held.deliveries).toEqual([
      expect.objectContaining({
        kind: 'firing',
        outcome: 'held',
        channelId: null,
        channelName: null,
        messageId: null,
      }),
    ]);

    expect((await monitor.call(`/api/silences/${silence.id}`, { method: 'DELETE' })).status).toBe(204);
    const [sent] = await receiver.waitForDeliveries(1, 15_000);
    expect(sent).toMatchObject({
      verified: true,
      json: { type: 'alert.firing', integrations: [{ id: integration.id, name: 'Billing' }] },
    });
    await sleep(6_000);
    expect(receiver.deliveries).toHaveLength(1);
    const released = AlertDetailSchema.parse(
      await (await monitor.call(`/api/alerts/${alerts.items[0]!.id}`)).json(),
    );
    expect(released.deliveries).toEqual([
      expect.objectContaining({
        kind: 'firing',
        outcome: 'delivered',
        channelName: expect.any(String),
        messageId: sent!.headers['webhook-id'],
      }),
    ]);
  }, 40_000);
});
