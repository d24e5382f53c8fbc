import { TrendQuerySchema, type Trend, type TrendQuery } from '@ihm/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { IntegrationService } from '../integrations/integration.service';
import { trendPoints, WINDOWS } from './trend-points';
import { TrendRepository } from './trend.repository';

@Controller('integrations')
export class TrendController {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly repository: TrendRepository,
  ) {}

  /** Bucketed latency, success rate and rate-limit budget, read from rollups only. */
  @Get(':id/trend')
  async trend(
    @Param('id') id: string,
    @Query(new ZodPipe(TrendQuerySchema, 'query')) query: TrendQuery,
  ): Promise<Trend> {
    await this.integrations.get(id);
    const window = WINDOWS[query.window];
    const to = new Date();
    const from = new Date(to.getTime() - window.spanSeconds * 1000);
    const rows = await this.repository.buckets(id, window.table, from, window.bucketSeconds);
    return {
      integrationId: id,
      window: query.window,
      bucketSeconds: window.bucketSeconds,
      points: trendPoints(rows, from, to, window.bucketSeconds),
    };
  }
}
