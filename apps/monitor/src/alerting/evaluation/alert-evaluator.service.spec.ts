import type { AlertIntegration } from '@ihm/diagnosis';
import { checkResult } from '../../../test/check-result.fixture';
import type { RuntimeConfig } from '../../config/runtime-config';
import type { CheckOrigin } from '../../pipeline/check-result';
import type { StoredAlertRule } from '../rules/alert-rule.repository';
import type { AlertRuleService } from '../rules/alert-rule.service';
import type { StoredSilence } from '../silences/silence.repository';
import type { SilenceService } from '../silences/silence.service';
import type {
  AlertEvaluationRepository,
  EvaluationKey,
  EvaluationWrites,
  StoredEvaluation,
} from './alert-evaluation.repository';
import { AlertEvaluator } from './alert-evaluator.service';
import { NotificationPlanner } from './notification-planner';

const ORDERS: AlertIntegration = { id: 'i-orders', name: 'Orders', tags: ['payments'] };
const SEARCH: AlertIntegration = { id: 'i-search', name: 'Search', tags: [] };

const rule = (fields: Partial<StoredAlertRule>): StoredAlertRule => ({
  id: 'r-default',
  managedBy: null,
  name: 'Two failures',
  condition: { type: 'consecutiveFailures', count: 2, recoverCount: 1 },
  scope: {},
  minSeverity: 'down',
  channelIds: ['c-ops'],
  renotifyMinutes: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...fields,
});

/** The repository's contract in memory: states by (rule, integration), and what each batch wrote. */
class InMemoryEvaluations {
  readonly states = new Map<string, StoredEvaluation | null>();
  readonly writes: EvaluationWrites[] = [];
  async isReachable(): Promise<boolean> {
    return true;
  }
  async integrations(ids: readonly string[]): Promise<AlertIntegration[]> {
    return [ORDERS, SEARCH].filter((i) => ids.includes(i.id));
  }
  async evaluate(
    keys: readonly EvaluationKey[],
    run: (s: ReadonlyMap<string, StoredEvaluation | null>) => EvaluationWrites,
  ) {
    const locked = new Map(
      keys.map((k) => [
        `${k.ruleId}|${k.integrationId}`,
        this.states.get(`${k.ruleId}|${k.integrationId}`) ?? null,
      ]),
    );
    const writes = run(locked);
    for (const { key, ...stored } of writes.states)
      this.states.set(`${key.ruleId}|${key.integrationId}`, stored);
    this.writes.push(writes);
  }
}

function evaluator(rules: StoredAlertRule[], silences: StoredSilence[] = []) {
  const repository = new InMemoryEvaluations();
  const ruleService = { active: async () => rules } as unknown as AlertRuleService;
  const config = {
    env: { dashboardUrl: 'http://dash.test', resultBufferLimit: 1000, alertGroupWaitSeconds: 30 },
  } as RuntimeConfig;
  const silenceService = { current: async () => silences } as unknown as SilenceService;
  const subject = new AlertEvaluator(
    ruleService,
    silenceService,
    repository as unknown as AlertEvaluationRepository,
    new NotificationPlanner(config),
    config,
  );
  const feed = (
    integrationId: string,
    minute: number,
    status: 'up' | 'down',
    origin: CheckOrigin['kind'] = 'probe_now',
  ) =>
    subject.handle({
      origin: origin === 'dry_run' ? { kind: 'dry_run' } : { kind: 'probe_now', integrationId },
      result: checkResult(new Date(Date.UTC(2026, 11, 1, 10, minute)), {
        status,
        category: status === 'down' ? 'server_error' : null,
        message: status === 'down' ? 'HTTP 500' : 'OK (200).',
      }),
    });
  return { subject, repository, feed };
}

const outboxOf = (repository: InMemoryEvaluations) => repository.writes.flatMap((w) => w.outbox);

describe(AlertEvaluator.name, () => {
  it('evaluates a batch in the order the checks started, whatever order they arrived in', async () => {
    const { subject, repository, feed } = evaluator([rule({})]);
    feed(ORDERS.id, 2, 'up');
    feed(ORDERS.id, 0, 'down');
    feed(ORDERS.id, 1, 'down');
    await subject.flush();
    // down, down: fired at minute 1; up at minute 2: resolved.
    expect(outboxOf(repository).map((e) => [e.kind, e.occurredAt.getUTCMinutes()])).toEqual([
      ['firing', 1],
      ['resolved', 2],
    ]);
  });

  it("puts each notification in the outbox for the rule's channels, with a stable id and the channel message", async () => {
    const { subject, repository, feed } = evaluator([rule({ channelIds: ['c-ops', 'c-slack'] })]);
    feed(ORDERS.id, 0, 'down');
    feed(ORDERS.id, 1, 'down');
    await subject.flush();
    const [entry] = outboxOf(repository);
    expect(entry).toMatchObject({
      channelIds: ['c-ops', 'c-slack'],
      kind: 'firing',
      messageId: expect.stringMatching(/^msg_/),
    });
    expect(entry!.routing('webhook')).toEqual({
      groupKey: 'r-default|firing|server_error',
      dueAt: new Date(entry!.occurredAt.getTime() + 30_000),
    });
    expect(entry!.routing('pagerduty')).toEqual({ groupKey: null, dueAt: entry!.occurredAt });
    expect(entry!.payload('alert-1')).toMatchObject({
      type: 'alert.firing',
      id: entry!.messageId,
      alert: { id: 'alert-1', category: 'server_error' },
      url: 'http://dash.test/integrations/i-orders',
    });
  });

  it('evaluates only the rules that watch the integration, by id or tag', async () => {
    const { subject, repository, feed } = evaluator([
      rule({ id: 'r-payments', scope: { tags: ['payments'] } }),
      rule({ id: 'r-search', scope: { integrationIds: [SEARCH.id] } }),
    ]);
    feed(ORDERS.id, 0, 'down');
    await subject.flush();
    expect([...repository.states.keys()]).toEqual(['r-payments|i-orders']);
  });

  it('never evaluates a dry run, and records a pending alert that lapses as lapsed', async () => {
    const { subject, repository, feed } = evaluator([rule({})]);
    feed(ORDERS.id, 0, 'down', 'dry_run');
    await subject.flush();
    expect(repository.writes).toEqual([]);
    feed(ORDERS.id, 1, 'down');
    feed(ORDERS.id, 2, 'up');
    await subject.flush();
    const [writes] = repository.writes;
    expect(writes!.outbox).toEqual([]);
    expect(writes!.lapsed).toHaveLength(1);
  });

  it('skips a result older than one the state has already taken in (another process was ahead)', async () => {
    const { subject, repository, feed } = evaluator([rule({})]);
    feed(ORDERS.id, 5, 'down');
    await subject.flush();
    feed(ORDERS.id, 4, 'down');
    await subject.flush();
    expect(outboxOf(repository)).toEqual([]);
    feed(ORDERS.id, 6, 'down');
    await subject.flush();
    expect(outboxOf(repository).map((e) => e.kind)).toEqual(['firing']);
  });

  it('writes no row for a pending alert that starts and lapses within one batch', async () => {
    const { subject, repository, feed } = evaluator([rule({})]);
    feed(ORDERS.id, 0, 'down');
    feed(ORDERS.id, 1, 'up');
    await subject.flush();
    const [writes] = repository.writes;
    expect(writes!.alerts).toEqual([]);
    expect(writes!.lapsed).toHaveLength(1);
  });

  it('holds back what a silence covers, and still records the alert', async () => {
    const silence: StoredSilence = {
      id: 's-1',
      managedBy: null,
      scope: { tags: ['payments'] },
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 3_600_000),
      comment: 'maintenance',
      createdAt: new Date(),
    };
    const { subject, repository, feed } = evaluator([rule({})], [silence]);
    feed(ORDERS.id, 0, 'down');
    feed(ORDERS.id, 1, 'down');
    await subject.flush();
    const [writes] = repository.writes;
    expect(writes!.outbox).toEqual([]);
    expect(writes!.held.map((h) => [h.ruleId, h.notification.kind])).toEqual([['r-default', 'firing']]);
    expect(writes!.alerts.map((a) => a.alert.state)).toEqual(['firing']);
  });

  it('keeps state between batches: the second failure in the next batch fires', async () => {
    const { subject, repository, feed } = evaluator([rule({})]);
    feed(ORDERS.id, 0, 'down');
    await subject.flush();
    feed(ORDERS.id, 1, 'down');
    await subject.flush();
    expect(outboxOf(repository).map((e) => e.kind)).toEqual(['firing']);
  });
});
