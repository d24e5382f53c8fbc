import { ResultsQuerySchema, type ProbeResultPage, type ResultsQuery } from '@ihm/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { ResultsService } from './results.service';

@Controller('integrations')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get(':id/results')
  recent(
    @Param('id') id: string,
    @Query(new ZodPipe(ResultsQuerySchema, 'query')) query: ResultsQuery,
  ): Promise<ProbeResultPage> {
    return this.results.recent(id, query.limit, query.cursor ?? null);
  }
}
