import type { HttpIntegrationDefinition } from '@ihm/contracts';
import { classify, type Observation, type ProbeStatus } from '@ihm/diagnosis';
import { redactionFor, type Probers } from '@ihm/probe';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ShapeDriftService, type ShapeAssessment } from '../drift/shape-drift.service';
import { integrationIdOf, type CheckOrigin, type CheckResult } from './check-result';
import { RESULT_STEPS, type ResultStep } from './result-step';
import { toCheckResult } from './to-check-result';

export const PROBERS = Symbol('PROBERS');

/** What a dry run's evidence keeps of the response body (a stored result keeps EVIDENCE_BODY_BYTES). */
export const DRY_RUN_EVIDENCE_BYTES = 256 * 1024;

/** A step of the pipeline failed on a result; `cause` is what it threw. */
export class ResultStepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`result step ${step} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * The one path of every result, whatever started the check (the scheduler, probe now, a dry run, a webhook
 * delivery): observe with the integration's prober and classify the observation (or take the receiver's verdict),
 * build the redacted result, and hand it to each step in order.
 */
@Injectable()
export class ResultPipeline {
  private readonly logger = new Logger('ResultPipeline');
  private readonly steps: ResultStep[];

  constructor(
    @Inject(PROBERS) private readonly probers: Probers,
    @Inject(RESULT_STEPS) steps: readonly ResultStep[],
    private readonly shapes: ShapeDriftService,
  ) {
    this.steps = [...steps];
  }

  /** Adds a step after the configured ones (an extension, or a test watching what the pipeline sees). */
  use(step: ResultStep): void {
    this.steps.push(step);
  }

  /**
   * The longest backlog of any step: results handed on and not yet written or evaluated. The scheduler claims
   * no more than it leaves room for, so a database slower than the probes makes checks late, not results lost.
   */
  get backlog(): number {
    let longest = 0;
    for (const step of this.steps) longest = Math.max(longest, step.backlog ?? 0);
    return longest;
  }

  /**
   * Runs one check. Resolves with the result once every step has handled it; null when `signal` cut the probe
   * short (shutdown), which no step sees. A step that fails does not keep the result from the later steps: the
   * run rejects afterwards with the first failure (the others are logged).
   */
  run(definition: HttpIntegrationDefinition, origin: CheckOrigin): Promise<CheckResult>;
  run(
    definition: HttpIntegrationDefinition,
    origin: CheckOrigin,
    signal: AbortSignal,
  ): Promise<CheckResult | null>;
  async run(
    definition: HttpIntegrationDefinition,
    origin: CheckOrigin,
    signal?: AbortSignal,
  ): Promise<CheckResult | null> {
    const observed = await this.probers.http(definition, {
      signal,
      // A dry run is never stored: its evidence keeps enough of the body to infer a schema from (the form's Test).
      ...(origin.kind === 'dry_run' ? { evidenceBodyBytes: DRY_RUN_EVIDENCE_BYTES } : {}),
    });
    if (signal?.aborted) return null;
    const { observation } = observed;
    const plain = classify(observation);
    const assessment = await this.assessShape(definition, origin, observation, plain.status);
    const drift = assessment?.drift ?? null;
    const verdict = drift ? classify({ ...observation, drift }) : plain;
    if (assessment) await this.shapes.settle(assessment, verdict.status, observation.now);
    const result = toCheckResult(
      drift ? { ...observed, observation: { ...observation, drift } } : observed,
      verdict,
      redactionFor(definition, observed.obtainedSecrets),
    );
    await this.process(origin, result);
    return result;
  }

  /**
   * Drift without a schema: a stored integration's answer that is not down and has no JSON Schema to meet is
   * compared with the shape its healthy responses had. A dry run learns nothing and is compared with nothing.
   */
  private assessShape(
    definition: HttpIntegrationDefinition,
    origin: CheckOrigin,
    observation: Observation,
    status: ProbeStatus,
  ): Promise<ShapeAssessment | null> {
    const integrationId = integrationIdOf(origin);
    if (!integrationId || origin.kind === 'dry_run' || definition.responseSchema !== null)
      return Promise.resolve(null);
    if (status === 'down' || !observation.response) return Promise.resolve(null);
    return this.shapes.assess(integrationId, observation.response.body);
  }

  /**
   * Hands a result that no prober observed (a webhook delivery's verdict, a silence) to every step, as `run`
   * does with its own. Rejects with the first step's failure after all steps had it.
   */
  async process(origin: CheckOrigin, result: CheckResult): Promise<void> {
    const failures: ResultStepError[] = [];
    for (const step of this.steps) {
      try {
        await step.handle({ origin, result });
      } catch (error) {
        failures.push(new ResultStepError(step.name, error));
      }
    }
    const [first, ...others] = failures;
    for (const failure of others) this.logger.error(`${failure.message} (${origin.kind})`);
    if (first) throw first;
  }
}
