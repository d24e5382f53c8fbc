import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { IntegrationMetrics } from './integrations/integration-metrics.service';
import { MetricsService } from './metrics.service';
import { MetricsTokenGuard } from './metrics-token.guard';

/** Prometheus exposition: the process's own metrics and every integration's series, read from Postgres. */
@Public()
@UseGuards(MetricsTokenGuard)
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly integrations: IntegrationMetrics,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    await this.integrations.refresh();
    return this.metrics.registry.metrics();
  }
}
