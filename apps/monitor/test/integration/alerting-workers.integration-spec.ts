import { IntegrationSchema } from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebhookReceiver } from '../receivers/webhook-receiver';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { sleep, spawnMonitor, stopProcess, switchableTarget } from './processes';

const INTEGRATIONS = 20;

/** Three worker processes share probing, alert evaluation and delivery: each transition reaches the receiver once. */
describe('alerting across three workers', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  // Every process opens the channel's secret that the API process sealed.
  const encryptionKey = randomBytes(32).toString('hex');
  let receiver: WebhookReceiver;
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start({ secret });
    target = await switchableTarget();
    monitor = await startMonitor({ ENCRYPTION_KEY: encryptionKey });
  });
  afterAll(async () => {
    await monitor.close();
    await receiver.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  const kinds = (type: string) =>
    receiver.deliveries
      .map((d) => d.json as { type: string; integrations: { id: string }[] })
      .filter((body) => body.type === type)
      .flatMap((body) => body.integrations.map((integration) => integration.id));

  async function until(done: () => boolean, ms: number): Promise<void> {
    for (const deadline = Date.now() + ms; !done() && Date.now() < deadline;) await sleep(200);
  }

  it('sends one firing and one resolved notification per integration, signed', async () => {
    const channel = (await (
      await monitor.call('/api/channels', {
        method: 'POST',
        json: { name: 'hook', type: 'webhook', config: { url: receiver.url(), secret } },
      })
    ).json()) as { id: string };
    const rule = await monitor.call('/api/alert-rules', {
      method: 'POST',
      json: {
        name: 'Two in a row',
        condition: { type: 'consecutiveFailures', count: 2 },
        channelIds: [channel.id],
      },
    });
    expect(rule.status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < INTEGRATIONS; i += 1) {
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name: `t${i}`, url: `${target.url}/t/${i}`, intervalSeconds: 10, timeoutMs: 2000 },
      });
      ids.push(IntegrationSchema.parse(await res.json()).id);
    }
    const env = {
      DATABASE_URL: monitor.db.connectionString,
      ENCRYPTION_KEY: encryptionKey,
      ROLE: 'worker',
      DASHBOARD_URL: 'http://dash.test',
      ALERT_GROUP_WAIT_SECONDS: '0',
    };
    const workers = await Promise.all(
      [1, 2, 3].map(async () =>
        spawnMonitor({ ...env, DATA_DIR: await mkdtemp(join(tmpdir(), 'ihm-alert-worker-')) }),
      ),
    );
    try {
      // First runs spread over one interval, then a second failure each: all firing within three intervals.
      await until(() => new Set(kinds('alert.firing')).size === INTEGRATIONS, 40_000);
      target.answer(200);
      await until(() => new Set(kinds('alert.resolved')).size === INTEGRATIONS, 30_000);
      await sleep(3_000);
    } finally {
      await Promise.all(workers.map((worker) => stopProcess(worker)));
    }
    expect([...kinds('alert.firing')].sort()).toEqual([...ids].sort());
    expect([...kinds('alert.resolved')].sort()).toEqual([...ids].sort());
    expect(receiver.deliveries.every((d) => d.verified)).toBe(true);
    for (const worker of workers) expect(worker.exitCode).toBe(0);
  }, 120_000);
});
