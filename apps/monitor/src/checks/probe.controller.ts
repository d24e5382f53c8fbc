import {
  DryRunQuerySchema,
  DryRunRequestSchema,
  type DryRunQuery,
  ResultsQuerySchema,
  type IntegrationDefinition,
  type ProbeResult,
  type ProbeResultPage,
  type ResultsQuery,
} from '@ihm/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { ProbeService } from './probe.service';

@Controller()
export class ProbeController {
  constructor(private readonly probes: ProbeService) {}

  @Post('integrations/:id/probe')
  @HttpCode(HttpStatus.OK)
  probeNow(@Param('id') id: string): Promise<ProbeResult> {
    return this.probes.probeIntegration(id);
  }

  @Post('probe')
  @HttpCode(HttpStatus.OK)
  dryRun(
    @Body(new ZodPipe(DryRunRequestSchema)) definition: IntegrationDefinition,
    @Query(new ZodPipe(DryRunQuerySchema, 'query')) query: DryRunQuery,
  ): Promise<ProbeResult> {
    return this.probes.dryRun(definition, query.integrationId ?? null);
  }

  @Get('integrations/:id/results')
  results(
    @Param('id') id: string,
    @Query(new ZodPipe(ResultsQuerySchema, 'query')) query: ResultsQuery,
  ): Promise<ProbeResultPage> {
    return this.probes.recentResults(id, query.limit, query.cursor ?? null);
  }
}
