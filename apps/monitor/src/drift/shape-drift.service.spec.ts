import type { LearnedShape, ResponseShape, ShapeChange } from '@ihm/diagnosis';
import type { ResponseShapeRepository, ShapeState, StoredDrift } from './response-shape.repository';
import { ShapeDriftService } from './shape-drift.service';

/** The repository's contract in memory, counting what the service asks of it. */
class MemoryShapes implements Partial<Record<keyof ResponseShapeRepository, unknown>> {
  readonly learnedRows = new Map<string, LearnedShape>();
  readonly drifts: {
    id: string;
    integrationId: string;
    changes: ShapeChange[];
    shape: ResponseShape;
    ended: boolean;
  }[] = [];
  readonly calls = { states: [] as string[][], saves: 0, touches: 0 };
  failing = false;

  async states(ids: readonly string[]): Promise<Map<string, ShapeState>> {
    if (this.failing) throw new Error('database unreachable');
    this.calls.states.push([...ids]);
    return new Map(
      ids.map((id) => {
        const open = this.drifts.find((d) => d.integrationId === id && !d.ended);
        return [
          id,
          {
            learned: this.learnedRows.get(id) ?? null,
            open: open ? { id: open.id, changes: open.changes } : null,
          },
        ];
      }),
    );
  }
  async saveLearned(learned: ReadonlyMap<string, LearnedShape>): Promise<void> {
    if (this.failing) throw new Error('database unreachable');
    this.calls.saves++;
    for (const [id, shape] of learned) this.learnedRows.set(id, shape);
  }
  async openDrift(integrationId: string, changes: ShapeChange[], shape: ResponseShape): Promise<string> {
    if (this.failing) throw new Error('database unreachable');
    for (const drift of this.drifts) if (drift.integrationId === integrationId) drift.ended = true;
    const id = String(this.drifts.length + 1);
    this.drifts.push({ id, integrationId, changes, shape, ended: false });
    return id;
  }
  async touchDrift(id: string): Promise<boolean> {
    this.calls.touches++;
    return this.drifts.some((d) => d.id === id && !d.ended);
  }
  async endDrift(integrationId: string): Promise<void> {
    for (const drift of this.drifts) if (drift.integrationId === integrationId) drift.ended = true;
  }
  async learned(integrationId: string): Promise<LearnedShape | null> {
    return this.learnedRows.get(integrationId) ?? null;
  }
  async openDriftOf(integrationId: string): Promise<StoredDrift | null> {
    const open = this.drifts.find((d) => d.integrationId === integrationId && !d.ended);
    return open
      ? {
          id: open.id,
          startedAt: new Date(),
          lastSeenAt: new Date(),
          changes: open.changes,
          shape: open.shape,
          endedAt: null,
          endReason: null,
          acceptedBy: null,
        }
      : null;
  }
  async accept(integrationId: string, driftId: string, learned: LearnedShape): Promise<void> {
    this.learnedRows.set(integrationId, learned);
    for (const drift of this.drifts) if (drift.id === driftId) drift.ended = true;
  }
}

const ORDER = { id: 'o1', price: 12.5, customer_id: 'c1' };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, seconds));

describe(ShapeDriftService.name, () => {
  let repository: MemoryShapes;
  let service: ShapeDriftService;
  /** One stored check's answer through the service, as the pipeline runs it. */
  const check = async (id: string, body: unknown, second: number) => {
    const assessment = await service.assess(id, body);
    if (assessment) await service.settle(assessment, assessment.drift ? 'degraded' : 'up', at(second));
    return assessment;
  };

  beforeEach(() => {
    repository = new MemoryShapes();
    service = new ShapeDriftService(repository as unknown as ResponseShapeRepository);
  });

  it('writes what it learned once learning completes, and nothing for answers of a known shape', async () => {
    await check('i1', ORDER, 0);
    await check('i1', ORDER, 30);
    await service.flush();
    expect(repository.calls.saves).toBe(0);
    await check('i1', ORDER, 60);
    await service.flush();
    expect(repository.learnedRows.get('i1')).toMatchObject({ responses: 3 });
    await check('i1', ORDER, 90);
    await service.flush();
    expect(repository.calls.saves).toBe(1);
  });

  it('opens one drift per distinct change, touches it at most every 30 s, and ends it when the shape returns', async () => {
    for (const second of [0, 30, 60]) await check('i1', ORDER, second);
    const drifted = await check('i1', { ...ORDER, price: '12.50' }, 90);
    expect(drifted!.drift!.changes).toEqual([
      { kind: 'type_changed', path: 'price', before: ['number'], after: ['string'] },
    ]);
    await check('i1', { ...ORDER, price: '12.50' }, 100);
    await check('i1', { ...ORDER, price: '12.50' }, 125);
    expect(repository.drifts).toHaveLength(1);
    expect(repository.calls.touches).toBe(1);
    await check('i1', { id: 'o1', price: 12.5 }, 130);
    expect(repository.drifts.map((d) => d.ended)).toEqual([true, false]);
    expect((await check('i1', ORDER, 160))!.drift).toBeNull();
    expect(repository.drifts.every((d) => d.ended)).toBe(true);
  });

  it('reads the state of every integration asked about at once in one query', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => service.assess(id, ORDER)));
    expect(repository.calls.states).toEqual([['a', 'b', 'c']]);
    await service.assess('a', ORDER);
    expect(repository.calls.states).toHaveLength(1);
  });

  it('notices a drift accepted in another process at its next touch, and reads again', async () => {
    for (const second of [0, 30, 60]) await check('i1', ORDER, second);
    await check('i1', { ...ORDER, price: '1' }, 90);
    // Another process accepts: the stored drift ends and the learned shape changes.
    const other = new ShapeDriftService(repository as unknown as ResponseShapeRepository);
    await other.accept('i1', 'ops@example.com', at(95));
    await check('i1', { ...ORDER, price: '1' }, 125);
    expect((await check('i1', { ...ORDER, price: '1' }, 126))!.drift).toBeNull();
  });

  it('goes on without drift checks while the database fails, and never throws into the pipeline', async () => {
    repository.failing = true;
    await expect(service.assess('i1', ORDER)).resolves.toBeNull();
    // Backing off: the next check does not even ask.
    repository.failing = false;
    await expect(service.assess('i2', ORDER)).resolves.toBeNull();
    expect(repository.calls.states).toEqual([]);
    const fresh = new ShapeDriftService(repository as unknown as ResponseShapeRepository);
    const assessment = (await fresh.assess('i1', ORDER))!;
    repository.failing = true;
    await expect(fresh.settle(assessment, 'up', at(0))).resolves.toBeUndefined();
    await expect(fresh.flush()).resolves.toBeUndefined();
  });

  it('does not keep a check waiting on a database that does not answer', async () => {
    repository.states = () => new Promise(() => undefined);
    const started = Date.now();
    await expect(service.assess('i1', ORDER)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('compares only JSON objects and lists', async () => {
    await expect(service.assess('i1', 'plain text')).resolves.toBeNull();
    await expect(service.assess('i1', null)).resolves.toBeNull();
  });
});
