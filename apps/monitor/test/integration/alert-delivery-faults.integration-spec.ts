import {
  AlertDetailSchema,
  AlertListSchema,
  ChannelSchema,
  IntegrationSchema,
  type Alert,
  type AlertDetail,
  type Channel,
} from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebhookReceiver, type ReceivedDelivery } from '../receivers/webhook-receiver';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { sleep, spawnMonitor, stopProcess, switchableTarget } from './processes';

/** The fault tests of durable delivery: a receiver that is away for a while, and a monitor killed mid-send. */

interface WebhookBody {
  type: string;
  alert: { id: string; state: string };
  integrations: { id: string }[];
}

const body = (delivery: ReceivedDelivery) => delivery.json as WebhookBody;

/** Polls `check` until it answers something other than undefined or false; fails naming what never happened. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  context: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${context()}`);
    await sleep(200);
  }
}

/** What the API of `monitor` is used for here: channels, paused integrations, rules, probes and alerts. */
function api(monitor: () => RunningMonitor) {
  const created = async (path: string, json: unknown): Promise<unknown> => {
    const res = await monitor().call(path, { method: 'POST', json });
    const answer: unknown = await res.json();
    expect({ status: res.status, answer }).toMatchObject({ status: 201 });
    return answer;
  };
  return {
    channel: async (url: string, secret: string) =>
      ChannelSchema.parse(
        await created('/api/channels', { name: 'Ops', type: 'webhook', config: { url, secret } }),
      ),
    /** Paused: the scheduler leaves it alone, only the test's probes count. */
    integration: async (name: string, url: string) =>
      IntegrationSchema.parse(await created('/api/integrations', { name, url, paused: true })),
    /** Fires on the first failure, resolves on the first success. */
    rule: (integrationIds: string[], channelId: string) =>
      created('/api/alert-rules', {
        name: 'Fails once',
        condition: { type: 'consecutiveFailures', count: 1 },
        scope: { integrationIds },
        channelIds: [channelId],
      }),
    probe: async (id: string) => {
      const res = await monitor().call(`/api/integrations/${id}/probe`, { method: 'POST' });
      expect(res.status).toBe(200);
    },
    alerts: async (integrationId: string): Promise<Alert[]> =>
      AlertListSchema.parse(await (await monitor().call(`/api/alerts?integrationId=${integrationId}`)).json())
        .items,
    detail: async (id: string): Promise<AlertDetail> =>
      AlertDetailSchema.parse(await (await monitor().call(`/api/alerts/${id}`)).json()),
    health: async (id: string): Promise<Channel['health']> =>
      ChannelSchema.parse(await (await monitor().call(`/api/channels/${id}`)).json()).health,
  };
}

describe('a receiver that is down', () => {
  const DOWN_MS = 30_000;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const receivers: WebhookReceiver[] = [];
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;
  const { channel, integration, rule, probe, alerts, detail, health } = api(() => monitor);

  beforeAll(async () => {
    target = await switchableTarget();
    // Sent as they come (ALERT_GROUP_WAIT_SECONDS 0): each notification is one message of its own.
    monitor = await startMonitor({ ROLE: 'all', DASHBOARD_URL: 'http://dashboard.test' });
  });
  afterAll(async () => {
    await monitor.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await new Promise((resolve) => target.server.close(resolve));
  });

  it('A receiver down for 30 s gets every notification after it returns, in order', async () => {
    const before = await WebhookReceiver.start({ secret });
    const hook = await channel(before.url(), secret);
    const orders = await integration('Orders', `${target.url}/orders`);
    const billing = await integration('Billing', `${target.url}/billing`);
    await rule([orders.id, billing.id], hook.id);

    await before.close();
    const downAt = Date.now();

    // Orders fires, and its first attempt fails: nobody listens on the port.
    await probe(orders.id);
    const firstAlert = await until(
      'Orders to fire',
      async () => (await alerts(orders.id)).find((a) => a.state === 'firing'),
      10_000,
    );
    await until(
      'a failed attempt',
      async () => (await detail(firstAlert.id)).deliveries.some((d) => d.outcome === 'failed'),
      10_000,
    );
    // It resolves, and fires again (a new alert), and Billing fires too, all while the receiver is away.
    target.answer(200);
    await probe(orders.id);
    await until('Orders to resolve', async () => (await detail(firstAlert.id)).state === 'resolved', 10_000);
    target.answer(500);
    await probe(orders.id);
    const secondAlert = await until(
      'Orders to fire again',
      async () => (await alerts(orders.id)).find((a) => a.state === 'firing' && a.id !== firstAlert.id),
      10_000,
    );
    await probe(billing.id);
    const billingAlert = await until(
      'Billing to fire',
      async () => (await alerts(billing.id)).find((a) => a.state === 'firing'),
      10_000,
    );
    // The channel says so: failing, with all four notifications waiting.
    const failing = await until(
      'the channel to be failing with 4 waiting',
      async () => {
        const state = await health(hook.id);
        return state.state === 'failing' && state.pending === 4 && state;
      },
      15_000,
    );
    expect(failing.lastError).toEqual(expect.any(String));
    expect(Date.now() - downAt).toBeLessThan(DOWN_MS);

    // The outage itself: the receiver stays away for its full 30 s, then comes back on the same port.
    // A timer may fire a millisecond before Date.now() says its time has come: sleep until it does.
    while (Date.now() < downAt + DOWN_MS) await sleep(downAt + DOWN_MS - Date.now() + 1);
    const upAt = Date.now();
    const receiver = await WebhookReceiver.start({ secret, port: before.port });
    receivers.push(receiver);
    const backAt = Date.now();
    expect(backAt - downAt).toBeGreaterThanOrEqual(DOWN_MS);

    // Retries are 5 s doubling ±20 %: after 30 s down the next one is due within about 15 s of the return.
    const received = await receiver.waitForDeliveries(4, 60_000);
    expect(received.map((d) => [d.verified, d.verifyError])).toEqual(Array(4).fill([true, null]));
    // Each integration's notifications in the order they were written, across its alerts (Orders' second firing
    // comes after its first alert's resolution), none lost, each its own message.
    const about = (integrationId: string) =>
      received
        .filter((d) => body(d).integrations.some((i) => i.id === integrationId))
        .map((d) => [body(d).alert.id, body(d).type]);
    expect(about(orders.id)).toEqual([
      [firstAlert.id, 'alert.firing'],
      [firstAlert.id, 'alert.resolved'],
      [secondAlert.id, 'alert.firing'],
    ]);
    expect(about(billing.id)).toEqual([[billingAlert.id, 'alert.firing']]);
    expect(received.every((d) => body(d).integrations.length === 1)).toBe(true);
    expect(new Set(received.map((d) => d.headers['webhook-id'])).size).toBe(4);

    // Every alert's history logs the failed attempts while the receiver was away, then the delivery after.
    const histories = await until(
      'every notification logged as delivered',
      async () => {
        const details = await Promise.all([firstAlert, secondAlert, billingAlert].map((a) => detail(a.id)));
        // The receiver has them all; the worker logs each attempt just after it was answered.
        return details.every((d) => d.deliveries.every((x) => x.outcome !== 'queued')) && details;
      },
      10_000,
    );
    const [first, second, billed] = histories;
    // Orders' first alert was tried at about 1, 6 and 16 s into the outage (the one at about 36 s may fall in it
    // too), Billing's from a few seconds later; Orders' second alert waited in line behind the first one's
    // notifications, so it was never tried while the receiver was away.
    for (const [history, atLeast] of [
      [first!, 3],
      [billed!, 2],
    ] as const) {
      const firing = history.deliveries.filter((d) => d.kind === 'firing');
      const failed = firing.slice(0, -1);
      expect(failed.length).toBeGreaterThanOrEqual(atLeast);
      for (const attempt of failed) {
        expect(attempt).toMatchObject({ channelId: hook.id, outcome: 'failed', status: null });
        expect(attempt.error).toEqual(expect.any(String));
        expect(Date.parse(attempt.at)).toBeLessThan(backAt);
      }
      expect(firing.at(-1)).toMatchObject({ outcome: 'delivered', status: 200 });
      expect(Date.parse(firing.at(-1)!.at)).toBeGreaterThanOrEqual(upAt);
    }
    expect(second!.deliveries.map((d) => [d.kind, d.outcome, d.status])).toEqual([
      ['firing', 'delivered', 200],
    ]);
    expect(Date.parse(second!.deliveries[0]!.at)).toBeGreaterThanOrEqual(upAt);
    // The resolution waited behind its alert's firing, so it was never tried while the receiver was away.
    expect(histories[0]!.deliveries.map((d) => [d.kind, d.outcome])).toEqual([
      ...Array(histories[0]!.deliveries.length - 2).fill(['firing', 'failed']),
      ['firing', 'delivered'],
      ['resolved', 'delivered'],
    ]);
    expect(await health(hook.id)).toMatchObject({ state: 'healthy', pending: 0, lastError: null });
    // Nothing else is on its way.
    await sleep(2_000);
    expect(receiver.deliveries).toHaveLength(4);
  }, 100_000);
});

describe('a monitor killed mid-send', () => {
  const SEND_TIMEOUT_SECONDS = 2;
  /** 3 × ALERT_SEND_TIMEOUT_SECONDS + 5 s. */
  const LEASE_MS = 3 * SEND_TIMEOUT_SECONDS * 1000 + 5000;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  // The worker processes open the channel's secret that the API process sealed.
  const encryptionKey = randomBytes(32).toString('hex');
  const workers: ReturnType<typeof spawnMonitor>[] = [];
  let receiver: WebhookReceiver;
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;
  const { channel, integration, rule, probe, alerts, detail } = api(() => monitor);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start({ secret });
    target = await switchableTarget();
    // ROLE api: this process evaluates the probes it runs, but only the worker processes deliver.
    monitor = await startMonitor({ ENCRYPTION_KEY: encryptionKey });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => stopProcess(worker, 'SIGKILL')));
    await monitor.close();
    await receiver.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  const startWorker = async () => {
    const worker = spawnMonitor({
      DATABASE_URL: monitor.db.connectionString,
      ENCRYPTION_KEY: encryptionKey,
      ROLE: 'worker',
      DATA_DIR: await mkdtemp(join(tmpdir(), 'ihm-delivery-fault-')),
      ALERT_GROUP_WAIT_SECONDS: '0',
      ALERT_SEND_TIMEOUT_SECONDS: String(SEND_TIMEOUT_SECONDS),
    });
    workers.push(worker);
    return worker;
  };
  const outputOf = (worker: ReturnType<typeof spawnMonitor>) => () => `\n${worker.output.join('')}`;

  it('A monitor killed with SIGKILL during delivery delivers after restart', async () => {
    const hook = await channel(receiver.url(), secret);
    const payments = await integration('Payments', `${target.url}/payments`);
    await rule([payments.id], hook.id);
    await probe(payments.id);
    const alert = await until(
      'Payments to fire',
      async () => (await alerts(payments.id)).find((a) => a.state === 'firing'),
      10_000,
    );

    // The receiver reads the first delivery and never answers: the worker is killed with it in hand.
    receiver.respondWith({ hang: true });
    const doomed = await startWorker();
    // Woken as it arrives: the kill has to come well within the 2 s deadline of the attempt.
    const hung = (
      await receiver.waitForDeliveries(1, 30_000).catch((error: Error) => {
        throw new Error(`${error.message}${outputOf(doomed)()}`);
      })
    )[0]!;
    expect(hung).toMatchObject({ verified: true, json: { type: 'alert.firing', alert: { id: alert.id } } });
    await stopProcess(doomed, 'SIGKILL');
    expect(doomed.signalCode).toBe('SIGKILL');
    // The killed send left no attempt behind: the notification still waits, under the dead worker's lease.
    expect((await detail(alert.id)).deliveries).toEqual([
      expect.objectContaining({ channelId: hook.id, kind: 'firing', outcome: 'queued' }),
    ]);

    const successor = await startWorker();
    const again = await until(
      'the delivery again',
      () => receiver.deliveries[1],
      40_000,
      outputOf(successor),
    );
    // The same notification, with the same idempotency key, verified; not taken over before the lease lapsed.
    expect(again.verified).toBe(true);
    expect(again.headers['webhook-id']).toMatch(/^msg_/);
    expect(again.headers['webhook-id']).toBe(hung.headers['webhook-id']);
    expect(again.json).toEqual(hung.json);
    expect(again.at.getTime() - hung.at.getTime()).toBeGreaterThanOrEqual(LEASE_MS - 2_000);

    const history = await until(
      'the delivery to be logged',
      async () => {
        const current = await detail(alert.id);
        return current.deliveries.at(-1)?.outcome === 'delivered' && current;
      },
      10_000,
      outputOf(successor),
    );
    expect(history.deliveries.map((d) => [d.kind, d.outcome, d.status])).toEqual([
      ['firing', 'delivered', 200],
    ]);
    // Delivered once after the restart, and not again: the successor keeps ticking for a few seconds.
    await sleep(3_000);
    expect(receiver.deliveries).toHaveLength(2);
    await stopProcess(successor);
    expect(successor.exitCode).toBe(0);
  }, 90_000);
});
