import type { ShapeReport } from '@ihm/contracts';
import { describeShapeChange, isExpected, LEARNING_RESPONSES } from '@ihm/diagnosis';
import { Injectable } from '@nestjs/common';
import { IntegrationService } from '../integrations/integration.service';
import { ResponseShapeRepository, type StoredDrift } from './response-shape.repository';
import { ShapeDriftService } from './shape-drift.service';

const toEntry = (drift: StoredDrift) => ({
  id: drift.id,
  startedAt: drift.startedAt.toISOString(),
  lastSeenAt: drift.lastSeenAt.toISOString(),
  changes: drift.changes.map((change) => ({ ...change, description: describeShapeChange(change) })),
  endedAt: drift.endedAt?.toISOString() ?? null,
  endReason: drift.endReason,
  acceptedBy: drift.acceptedBy,
});

/** What the API says of an integration's learned shape and its drifts. */
@Injectable()
export class ShapeReportService {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly repository: ResponseShapeRepository,
    private readonly drift: ShapeDriftService,
  ) {}

  /** Read after this process's learning is written: what it just learned is part of the answer. */
  async report(integrationId: string): Promise<ShapeReport> {
    await this.integrations.get(integrationId);
    await this.drift.flush();
    const [learned, drifts] = await Promise.all([
      this.repository.learned(integrationId),
      this.repository.history(integrationId),
    ]);
    return {
      learned: learned && {
        learning: learned.responses < LEARNING_RESPONSES,
        responses: learned.responses,
        learningResponses: LEARNING_RESPONSES,
        since: learned.since,
        fields: Object.entries(learned.paths)
          .map(([path, { types }]) => ({ path, types, expected: isExpected(learned, path) }))
          .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      },
      drifts: drifts.map(toEntry),
    };
  }

  async accept(integrationId: string, by: string): Promise<ShapeReport> {
    await this.integrations.get(integrationId);
    await this.drift.accept(integrationId, by);
    return this.report(integrationId);
  }
}
