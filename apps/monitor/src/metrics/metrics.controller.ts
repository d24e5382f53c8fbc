import { Controller, Get, Headers, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { IntegrationMetrics } from './integrations/integration-metrics.service';
import { MetricsService } from './metrics.service';
import { MetricsTokenGuard } from './metrics-token.guard';
import { OPENMETRICS_CONTENT_TYPE, toOpenMetrics, wantsOpenMetrics } from './open-metrics';

/**
 * Prometheus exposition: the process's own metrics (prom-client) and every integration's series (read from
 * Postgres, written directly); the text format, or OpenMetrics when the scraper asks for it.
 */
@Public()
@UseGuards(MetricsTokenGuard)
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly integrations: IntegrationMetrics,
  ) {}

  @Get()
  async scrape(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const openMetrics = wantsOpenMetrics(accept);
    const [own, integrations] = await Promise.all([
      this.metrics.registry.metrics(),
      this.integrations.exposition(openMetrics ? 'openmetrics' : 'text'),
    ]);
    if (!openMetrics) {
      response.setHeader('Content-Type', this.metrics.registry.contentType);
      return `${own}\n${integrations}`;
    }
    response.setHeader('Content-Type', OPENMETRICS_CONTENT_TYPE);
    return `${toOpenMetrics(own)}${integrations}# EOF\n`;
  }
}
