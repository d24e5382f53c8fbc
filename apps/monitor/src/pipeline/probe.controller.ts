import {
  DryRunQuerySchema,
  DryRunRequestSchema,
  type DryRunQuery,
  type HttpIntegrationDefinition,
  type ProbeResult,
} from '@ihm/contracts';
import { Body, Controller, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
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
    @Body(new ZodPipe(DryRunRequestSchema)) definition: HttpIntegrationDefinition,
    @Query(new ZodPipe(DryRunQuerySchema, 'query')) query: DryRunQuery,
  ): Promise<ProbeResult> {
    return this.probes.dryRun(definition, query.integrationId ?? null);
  }
}
