import { OverviewSchema } from '@ihm/contracts';
import { createSandboxServer } from '@ihm/sandbox';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemoSeedService } from '../../src/demo/demo-seed.service';
import type { CheckResult } from '../../src/pipeline/check-result';
import { ResultWriter } from '../../src/results/result-writer.service';
import { checkResult } from '../check-result.fixture';
import { startMonitor, type RunningMonitor } from './monitor-app';

describe('overview and demo mode', () => {
  let sandbox: Server;
  let sandboxUrl: string;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    sandbox = createSandboxServer();
    await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
    sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => sandbox.close(resolve)));
  // A fresh database for each test: the seeding counts what it registers, the overview counts every integration.
  beforeEach(async () => {
    monitor = await startMonitor({ SANDBOX_URL: sandboxUrl });
  });
  afterEach(() => monitor.close());

  it('registers one integration per sandbox route once, and never again', async () => {
    const seeder = monitor.app.get(DemoSeedService);
    const first = await seeder.seedOnce();
    expect(first).toBeGreaterThanOrEqual(12);
    expect(await seeder.seedOnce()).toBe(0);

    const overview = OverviewSchema.parse(await (await monitor.call('/api/overview')).json());
    expect(overview.integrations).toHaveLength(first);
    expect(overview.counts.total).toBe(first);
    expect(overview.counts.byStatus.pending).toBe(first);
    expect(overview.matched.byGroup.pending).toBe(first);
    expect(overview.nextCursor).toBeNull();
    expect(new Set(overview.integrations.map((i) => i.name)).size).toBe(first);
  });

  it('shows the newest result of each integration and counts failures by category', async () => {
    await monitor.app.get(DemoSeedService).seedOnce();
    const overview = OverviewSchema.parse(await (await monitor.call('/api/overview')).json());
    const target = overview.integrations[0];
    const result = (startedAt: Date, fields: Partial<CheckResult>) => checkResult(startedAt, fields);
    // Written out of order: the newest result wins whatever order the batches arrive in.
    await monitor.app.get(ResultWriter).writeNow([
      {
        integrationId: target!.id,
        result: result(new Date(), {
          status: 'down',
          category: 'authentication',
          httpStatus: 401,
          message: 'Bearer token expired',
        }),
      },
    ]);
    await monitor.app
      .get(ResultWriter)
      .writeNow([{ integrationId: target!.id, result: result(new Date(Date.now() - 60_000), {}) }]);
    const after = OverviewSchema.parse(await (await monitor.call('/api/overview')).json());
    expect(after.integrations.find((i) => i.id === target!.id)).toMatchObject({
      status: 'down',
      category: 'authentication',
      group: 'authentication',
      httpStatus: 401,
      message: 'Bearer token expired',
    });
    expect(after.integrations[0]?.id).toBe(target!.id);
    expect(after.counts.byCategory.authentication).toBe(1);
    expect(after.counts.byStatus.down).toBe(1);
  });

  it('requires the token', async () => {
    expect((await monitor.call('/api/overview', { token: null })).status).toBe(401);
  });
});
