import { Logger } from '@nestjs/common';
import { checkResult } from '../../test/check-result.fixture';
import type { RuntimeConfig } from '../config/runtime-config';
import { MetricsService } from '../metrics/metrics.service';
import type { ResultEntry } from './result-entry';
import type { ResultStoreRepository } from './result-store.repository';
import { ResultWriter } from './result-writer.service';

/** A store that keeps what it is given, refuses while `refusing`, and answers `reachable`. */
class FakeStore {
  readonly batches: ResultEntry[][] = [];
  refusing = false;
  reachable = true;
  async writeBatch(entries: readonly ResultEntry[]): Promise<void> {
    if (this.refusing) throw new Error('refused');
    this.batches.push([...entries]);
  }
  async isReachable(): Promise<boolean> {
    return this.reachable;
  }
}

const entry = (n: number): ResultEntry => ({
  integrationId: `i-${n}`,
  result: checkResult(new Date(Date.UTC(2026, 11, 1, 10, 0, n))),
});

function writer(resultBufferLimit = 50_000) {
  const store = new FakeStore();
  const metrics = new MetricsService();
  const config = { env: { resultBufferLimit } } as RuntimeConfig;
  return {
    store,
    metrics,
    subject: new ResultWriter(store as unknown as ResultStoreRepository, metrics, config),
  };
}

const counter = async (metrics: MetricsService, name: string) =>
  (await metrics.registry.getSingleMetric(name)!.get()).values[0]?.value ?? 0;

beforeAll(() => Logger.overrideLogger(false));

describe(ResultWriter.name, () => {
  it('writes what was enqueued in one batch at the next flush, and counts it', async () => {
    const { store, metrics, subject } = writer();
    [1, 2, 3].forEach((n) => subject.enqueue(entry(n)));
    await subject.flush();
    expect(store.batches.map((batch) => batch.map((e) => e.integrationId))).toEqual([['i-1', 'i-2', 'i-3']]);
    expect(subject.pending).toBe(0);
    expect(await counter(metrics, 'monitor_results_written_total')).toBe(3);
  });

  it('keeps the results it has not written when the oldest were dropped for room during a write', async () => {
    const { store, subject } = writer(100);
    let release = () => {};
    store.writeBatch = async (entries) => {
      await new Promise<void>((resolve) => (release = resolve));
      store.batches.push([...entries]);
    };
    for (let n = 0; n < 100; n += 1) subject.enqueue(entry(n));
    const flushing = subject.flush();
    // Written meanwhile: 30 newer results push the batch's 30 oldest out of the full buffer.
    for (let n = 100; n < 130; n += 1) subject.enqueue(entry(n));
    release();
    await flushing;
    expect(store.batches[0]).toHaveLength(100);
    expect(subject.pending).toBe(30);
  });

  it('writes at most 2,000 results per batch, full batches back to back, the rest at the next tick', async () => {
    const { store, subject } = writer();
    for (let n = 0; n < 4500; n += 1) subject.enqueue(entry(n % 60));
    await subject.flush();
    expect(store.batches.map((batch) => batch.length)).toEqual([2000, 2000]);
    expect(subject.pending).toBe(500);
  });

  it('drops the oldest results past the buffer limit, and counts them', async () => {
    const { store, metrics, subject } = writer(100);
    for (let n = 0; n < 105; n += 1) subject.enqueue({ ...entry(0), integrationId: `i-${n}` });
    expect(subject.pending).toBe(100);
    await subject.flush();
    expect(store.batches[0]![0]!.integrationId).toBe('i-5');
    expect(await counter(metrics, 'monitor_results_dropped_total')).toBe(5);
  });

  it('keeps every result while the database is unreachable, and writes them when it returns', async () => {
    const { store, metrics, subject } = writer();
    store.refusing = true;
    store.reachable = false;
    subject.enqueue(entry(1));
    for (let attempt = 0; attempt < 5; attempt += 1) await subject.flush();
    expect(subject.pending).toBe(1);
    store.refusing = false;
    store.reachable = true;
    await subject.flush();
    expect(store.batches).toHaveLength(1);
    expect(await counter(metrics, 'monitor_results_dropped_total')).toBe(0);
  });

  it('drops a batch the reachable database refuses three times, so one bad batch cannot block the rest', async () => {
    const { store, metrics, subject } = writer();
    store.refusing = true;
    subject.enqueue(entry(1));
    await subject.flush();
    await subject.flush();
    expect(subject.pending).toBe(1);
    await subject.flush();
    expect(subject.pending).toBe(0);
    expect(await counter(metrics, 'monitor_results_dropped_total')).toBe(1);
  });

  it('writes now, without the buffer, for a caller that must know it is stored', async () => {
    const { store, subject } = writer();
    await subject.writeNow([entry(7)]);
    expect(store.batches).toEqual([[entry(7)]]);
    store.refusing = true;
    await expect(subject.writeNow([entry(8)])).rejects.toThrow('refused');
  });
});
