import type { PipelineResult } from './check-result';

/**
 * What follows a classified result: recording it, counting it, evaluating alerts. Every result of every origin
 * reaches every step, in the order of RESULT_STEPS; each step decides what the origin means to it.
 */
export interface ResultStep {
  readonly name: string;
  handle(result: PipelineResult): void | Promise<void>;
  /** Results this step has taken and not finished with yet (a buffer that writes in batches); none when absent. */
  readonly backlog?: number;
}

/** The ordered steps of the pipeline (see pipeline.module.ts). */
export const RESULT_STEPS = Symbol('RESULT_STEPS');
