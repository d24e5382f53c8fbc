import type { Overview, OverviewQuery } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { MonitorError } from '../common/monitor-error';
import { latencySparklines, sparklineWindow } from './latency-sparkline';
import { LatencySparklineRepository } from './latency-sparkline.repository';
import { countOverview } from './overview-counts';
import { decodeCursor, encodeCursor, type OverviewPosition } from './overview-cursor';
import { OverviewRepository } from './overview.repository';

@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly latency: LatencySparklineRepository,
  ) {}

  /** One page of the overview, with the counts the dashboard's tiles and group headings show. */
  async overview(query: OverviewQuery): Promise<Overview> {
    const after = query.cursor === undefined ? null : readCursor(query.cursor);
    const [counts, tags, page] = await Promise.all([
      this.repository.groupCounts(query),
      this.repository.tags(),
      this.page(query, after),
    ]);
    return { ...countOverview(counts), tags, ...page };
  }

  private async page(
    query: OverviewQuery,
    after: OverviewPosition | null,
  ): Promise<Pick<Overview, 'integrations' | 'nextCursor'>> {
    const { items, next } = await this.repository.page(query, after, query.limit);
    const { from, to } = sparklineWindow(new Date());
    const minutes = await this.latency.totalLatency(
      items.map((item) => item.id),
      from,
      to,
    );
    const sparkline = latencySparklines(minutes, from);
    return {
      integrations: items.map((item) => ({ ...item, latencySparklineMs: sparkline(item.id) })),
      nextCursor: next && encodeCursor(next),
    };
  }
}

function readCursor(cursor: string): OverviewPosition {
  const position = decodeCursor(cursor);
  if (position) return position;
  throw new MonitorError('VALIDATION_FAILED', 'The request query is invalid', [
    { field: 'cursor', message: 'cursor must be a nextCursor of an earlier overview page' },
  ]);
}
