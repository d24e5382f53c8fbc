import { LATENCY_PHASES } from '@ihm/diagnosis';
import { Injectable } from '@nestjs/common';
import type { PipelineResult } from '../pipeline/check-result';
import type { ResultStep } from '../pipeline/result-step';
import { MetricsService } from './metrics.service';

/**
 * Counts every classified result by how it ran and what it found, and observes the phases of every probe that
 * ran (a dry run too: it probed), all without an integration label: bounded.
 */
@Injectable()
export class CountResultsStep implements ResultStep {
  readonly name = 'count';

  constructor(private readonly metrics: MetricsService) {}

  handle({ origin, result }: PipelineResult): void {
    this.metrics.results.inc({ origin: origin.kind, status: result.status });
    for (const phase of LATENCY_PHASES) {
      const ms = result.timings[`${phase}Ms`];
      if (ms !== null) this.metrics.probePhases.observe({ phase }, ms / 1000);
    }
  }
}
