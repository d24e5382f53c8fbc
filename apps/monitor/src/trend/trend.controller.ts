import { TrendQuerySchema, type Trend, type TrendQuery } from '@ihm/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { TrendService } from './trend.service';

@Controller('integrations')
export class TrendController {
  constructor(private readonly trends: TrendService) {}

  /** Bucketed latency, success rate and rate-limit budget, read from rollups only. */
  @Get(':id/trend')
  trend(
    @Param('id') id: string,
    @Query(new ZodPipe(TrendQuerySchema, 'query')) query: TrendQuery,
  ): Promise<Trend> {
    return this.trends.trend(id, query.window);
  }
}
