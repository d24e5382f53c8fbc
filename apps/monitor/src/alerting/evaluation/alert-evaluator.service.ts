import { evaluateAlert, evaluateClock } from '@ihm/diagnosis';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { KEEP_FOR_EXIT_MS, shutdownClock } from '../../common/shutdown-clock';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import type { CheckResult, PipelineResult } from '../../pipeline/check-result';
import type { ResultStep } from '../../pipeline/result-step';
import { AlertRuleService } from '../rules/alert-rule.service';
import { SilenceService } from '../silences/silence.service';
import { toRule, watches } from '../rules/rule-watches';
import {
  AlertEvaluationRepository,
  type EvaluationKey,
  type EvaluationWrites,
  type StoredEvaluation,
} from './alert-evaluation.repository';
import { toEvaluatedResult } from './evaluated-result.mapper';
import { noWrites, NotificationPlanner } from './notification-planner';

const FLUSH_EVERY_MS = 250;
const MAX_BATCH = 1000;
const MAX_ATTEMPTS = 3;
/** Reminders fall due within this of their time when no result comes; so does the end of flapping. */
const CLOCK_EVERY_MS = 30_000;
const CLOCK_PAGE = 1000;
/** On shutdown the results still to evaluate are evaluated for up to this long. */
const SHUTDOWN_EVALUATION_MS = 3000;

interface Pending {
  integrationId: string;
  result: CheckResult;
}

const keyOf = (k: EvaluationKey) => `${k.ruleId}|${k.integrationId}`;

/**
 * The pipeline's alert step: stored results (scheduled and probe now; never a dry run) are evaluated against
 * every rule that watches their integration, in batches every 250 ms, off the probing path. Each batch writes
 * the new states, the alerts and the outbox in one transaction (AlertEvaluationRepository). While the database
 * is unreachable the results wait (bounded by RESULT_BUFFER_LIMIT); a batch the database refuses three times is
 * skipped and logged, so that one bad batch cannot stop alerting.
 */
@Injectable()
export class AlertEvaluator implements ResultStep, OnApplicationShutdown {
  readonly name = 'alerts';
  private readonly logger = new Logger('Alerts');
  private buffer: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private clocking = false;
  /** The oldest results skipped for room while a batch was evaluated: they were that batch's first. */
  private skippedDuringBatch = 0;
  /** Shutdown's deadline: back-to-back evaluation stops there. */
  private stopBy = Infinity;

  constructor(
    private readonly rules: AlertRuleService,
    private readonly silences: SilenceService,
    private readonly repository: AlertEvaluationRepository,
    private readonly planner: NotificationPlanner,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  get backlog(): number {
    return this.buffer.length;
  }

  handle({ origin, result }: PipelineResult): void {
    if (origin.kind === 'dry_run') return;
    this.buffer.push({ integrationId: origin.integrationId, result });
    // Bounded like the results themselves while the database is away; the oldest go first.
    const overflow = this.buffer.length - this.config.env.resultBufferLimit;
    if (overflow > 0) {
      this.buffer.splice(0, overflow);
      this.skippedDuringBatch += overflow;
      this.logger.warn(`Alert evaluation buffer full: skipped the ${overflow} oldest result(s)`);
    }
  }

  @Interval(FLUSH_EVERY_MS)
  flush(): Promise<void> {
    this.flushing ??= this.flushWhileFull().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Behind by a full batch or more, the evaluator runs back to back instead of a batch a tick. */
  private async flushWhileFull(): Promise<void> {
    while ((await this.flushOnce()) && this.buffer.length >= MAX_BATCH && Date.now() < this.stopBy);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopBy = shutdownClock.endOf(SHUTDOWN_EVALUATION_MS, KEEP_FOR_EXIT_MS);
    while (this.buffer.length > 0 && Date.now() < this.stopBy) {
      await this.flush();
      if (this.buffer.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Evaluates the oldest batch; whether it was evaluated. */
  private async flushOnce(): Promise<boolean> {
    if (this.buffer.length === 0) return false;
    const batch = this.buffer.slice(0, MAX_BATCH);
    this.skippedDuringBatch = 0;
    try {
      await this.evaluate(batch);
      this.buffer.splice(0, Math.max(0, batch.length - this.skippedDuringBatch));
      this.failures = 0;
      return true;
    } catch (error) {
      // While the database is unreachable the results wait here, evaluated in order when it returns.
      if (!(await this.repository.isReachable())) return false;
      this.failures += 1;
      if (this.failures < MAX_ATTEMPTS) return false;
      this.buffer.splice(0, Math.max(0, batch.length - this.skippedDuringBatch));
      this.failures = 0;
      this.logger.error(
        `Alert evaluation of ${batch.length} result(s) failed ${MAX_ATTEMPTS} times and was skipped: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
      return false;
    }
  }

  /**
   * Reminders and the end of flapping as time passes, between results: firing alerts they could concern, a page
   * at a time, through libs/diagnosis's evaluateClock, written like results are.
   */
  @Interval(CLOCK_EVERY_MS)
  async clock(): Promise<void> {
    if (this.config.env.role === 'api' || this.clocking) return;
    this.clocking = true;
    try {
      const rules = new Map((await this.rules.active()).map((rule) => [rule.id, rule]));
      const silences = await this.silences.current();
      const now = new Date();
      await this.repository.evaluateDue(CLOCK_PAGE, (due) =>
        this.planner.writesFor(
          due.flatMap(({ key, stored, integration }) => {
            const rule = rules.get(key.ruleId);
            if (!rule) return [];
            const evaluation = evaluateClock(toRule(rule), stored.state, integration, now);
            if (evaluation.notifications.length === 0) return [];
            return [{ key, rule, before: stored.state, evaluation, upTo: stored.upTo }];
          }),
          silences,
          now,
        ),
      );
    } catch (error) {
      this.logger.warn(`Reminders not evaluated: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.clocking = false;
    }
  }

  private async evaluate(batch: readonly Pending[]): Promise<void> {
    const rules = await this.rules.active();
    if (rules.length === 0) return;
    const silences = await this.silences.current();
    const now = new Date();
    const integrations = new Map(
      (await this.repository.integrations([...new Set(batch.map((p) => p.integrationId))])).map((i) => [
        i.id,
        i,
      ]),
    );
    const work = [...batch]
      .sort((a, b) => a.result.startedAt.getTime() - b.result.startedAt.getTime())
      .flatMap(({ integrationId, result }) => {
        const integration = integrations.get(integrationId);
        return integration
          ? rules.filter((rule) => watches(rule, integration)).map((rule) => ({ rule, integration, result }))
          : [];
      });
    const keys = [
      ...new Map(
        work.map(({ rule, integration }) => {
          const key = { ruleId: rule.id, integrationId: integration.id };
          return [keyOf(key), key] as const;
        }),
      ).values(),
    ];
    await this.repository.evaluate(keys, (stored) => {
      const evaluations = new Map<string, StoredEvaluation | null>(stored);
      const writes = noWrites();
      const touched = new Map<string, EvaluationKey>();
      const changedAlerts = new Map<string, EvaluationWrites['alerts'][number]>();
      for (const { rule, integration, result } of work) {
        const key = { ruleId: rule.id, integrationId: integration.id };
        const stored = evaluations.get(keyOf(key)) ?? null;
        // A result older than one already taken in (another process's, or replayed after an outage) would roll the
        // state back: counts restart, windows run backwards. It is recorded, not evaluated.
        if (stored && result.startedAt <= stored.upTo) continue;
        const evaluation = evaluateAlert(
          toRule(rule),
          stored?.state ?? null,
          toEvaluatedResult(integration, result),
          result.startedAt,
        );
        evaluations.set(keyOf(key), { upTo: result.startedAt, state: evaluation.state });
        touched.set(keyOf(key), key);
        this.planner.collect(
          writes,
          changedAlerts,
          { key, rule, before: stored?.state ?? null, evaluation },
          silences,
          now,
        );
      }
      for (const [k, key] of touched) writes.states.push({ key, ...evaluations.get(k)! });
      writes.alerts.push(...changedAlerts.values());
      return writes;
    });
  }
}
