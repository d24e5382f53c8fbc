import { OverviewQuerySchema, type Overview, type OverviewQuery } from '@ihm/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { OverviewService } from './overview.service';

@Controller('overview')
export class OverviewController {
  constructor(private readonly service: OverviewService) {}

  /** One page of integrations in group order, with counts; filtered and paged in the database. */
  @Get()
  overview(@Query(new ZodPipe(OverviewQuerySchema, 'query')) query: OverviewQuery): Promise<Overview> {
    return this.service.overview(query);
  }
}
