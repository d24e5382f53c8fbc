import { IntegrationSchema, ProbeResultPageSchema } from '@ihm/contracts';
import type { CheckOrigin, PipelineResult } from '../../src/pipeline/check-result';
import { ResultPipeline } from '../../src/pipeline/result-pipeline';
import { ResultWriter } from '../../src/results/result-writer.service';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { recordingTarget, sleep } from './processes';

/** A step added to the running monitor's pipeline sees every result, whatever started the check. */
describe('the result pipeline', () => {
  let target: Awaited<ReturnType<typeof recordingTarget>>;
  let monitor: RunningMonitor;
  const seen: PipelineResult[] = [];

  beforeAll(async () => {
    target = await recordingTarget();
    monitor = await startMonitor({ ROLE: 'all' });
    monitor.app.get(ResultPipeline).use({ name: 'watch', handle: (result) => void seen.push(result) });
  });
  afterAll(async () => {
    await monitor.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  const kinds = () => new Set(seen.map((s) => s.origin.kind));
  const of = (kind: CheckOrigin['kind']) => seen.filter((s) => s.origin.kind === kind);

  it('hands scheduled, probe-now and dry-run results to a step added after the built-in ones', async () => {
    const definition = { name: 'watched', url: `${target.url}/watched`, intervalSeconds: 10 };
    const created = await monitor.call('/api/integrations', { method: 'POST', json: definition });
    const { id } = IntegrationSchema.parse(await created.json());
    expect((await monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' })).status).toBe(200);
    expect((await monitor.call('/api/probe', { method: 'POST', json: definition })).status).toBe(200);
    // The first scheduled run falls due within one interval of registering.
    for (const deadline = Date.now() + 15_000; !kinds().has('scheduled') && Date.now() < deadline;)
      await sleep(100);

    expect(kinds()).toEqual(new Set(['scheduled', 'probe_now', 'dry_run']));
    for (const { origin, result } of seen) {
      expect(result).toMatchObject({ status: 'up', httpStatus: 200 });
      if (origin.kind !== 'dry_run') expect(origin.integrationId).toBe(id);
    }
    // Recording runs before the added step: once the writer's batch is flushed, every stored check's result is
    // there, and the dry run's is not.
    await monitor.app.get(ResultWriter).drain();
    const stored = ProbeResultPageSchema.parse(
      await (await monitor.call(`/api/integrations/${id}/results`)).json(),
    );
    const storedAt = stored.items.map((item) => item.startedAt);
    for (const { result } of [...of('probe_now'), ...of('scheduled')])
      expect(storedAt).toContain(result.startedAt.toISOString());
    expect(storedAt).not.toContain(of('dry_run')[0]!.result.startedAt.toISOString());
  }, 30_000);
});
