import { Injectable } from '@nestjs/common';
import type { PipelineResult } from '../pipeline/check-result';
import type { ResultStep } from '../pipeline/result-step';
import { ResultWriter } from './result-writer.service';

/**
 * Records results: a scheduled run or a webhook delivery into the writer's batches (with its schedule change), a
 * probe-now result at once (its caller shows what was stored). A dry run is never stored.
 */
@Injectable()
export class RecordResultStep implements ResultStep {
  readonly name = 'record';

  constructor(private readonly writer: ResultWriter) {}

  get backlog(): number {
    return this.writer.pending;
  }

  async handle({ origin, result }: PipelineResult): Promise<void> {
    switch (origin.kind) {
      case 'scheduled':
        this.writer.enqueue({ integrationId: origin.integrationId, result, schedule: origin.schedule });
        return;
      case 'delivery':
        this.writer.enqueue({
          integrationId: origin.integrationId,
          result,
          ...(origin.accepted ? { accepted: origin.accepted } : {}),
        });
        return;
      case 'probe_now':
        await this.writer.writeNow([{ integrationId: origin.integrationId, result }]);
        return;
      case 'dry_run':
        return;
    }
  }
}
