import type { Trend, TrendWindow } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { IntegrationService } from '../integrations/integration.service';
import { trendPoints, WINDOWS } from './trend-points';
import { TrendRepository } from './trend.repository';

@Injectable()
export class TrendService {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly repository: TrendRepository,
  ) {}

  /** Bucketed latency, success rate and rate-limit budget of one integration over `window`, read from rollups only. */
  async trend(integrationId: string, window: TrendWindow, now = new Date()): Promise<Trend> {
    await this.integrations.get(integrationId);
    const { table, spanSeconds, bucketSeconds } = WINDOWS[window];
    const from = new Date(now.getTime() - spanSeconds * 1000);
    const rows = await this.repository.buckets(integrationId, table, from, bucketSeconds);
    return { integrationId, window, bucketSeconds, points: trendPoints(rows, from, now, bucketSeconds) };
  }
}
