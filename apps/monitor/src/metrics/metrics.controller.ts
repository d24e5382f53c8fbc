import { Controller, Get, Headers, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { encodePart, negotiateEncoding } from './content-encoding';
import { IntegrationMetrics } from './integrations/integration-metrics.service';
import { MetricsService } from './metrics.service';
import { MetricsTokenGuard } from './metrics-token.guard';
import { OPENMETRICS_CONTENT_TYPE, toOpenMetrics, wantsOpenMetrics } from './open-metrics';

/**
 * Prometheus exposition: the process's own metrics (prom-client) and every integration's series (read from
 * Postgres, written directly); the text format, or OpenMetrics when the scraper asks for it; gzipped when it
 * accepts that. The bytes are sent with no ETag: hashing them would cost a tenth of the scrape.
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
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const openMetrics = wantsOpenMetrics(accept);
    const encoding = negotiateEncoding(acceptEncoding);
    const [own, integrations] = await Promise.all([
      this.metrics.registry.metrics(),
      this.integrations.exposition(openMetrics ? 'openmetrics' : 'text', encoding),
    ]);
    const encode = (text: string) => encodePart(Buffer.from(text), encoding);
    const parts = openMetrics
      ? [await encode(toOpenMetrics(own)), ...integrations, await encode('# EOF\n')]
      : [await encode(`${own}\n`), ...integrations];
    response.status(200);
    response.setHeader('Vary', 'Accept, Accept-Encoding');
    if (encoding === 'gzip') response.setHeader('Content-Encoding', 'gzip');
    response.setHeader(
      'Content-Type',
      openMetrics ? OPENMETRICS_CONTENT_TYPE : this.metrics.registry.contentType,
    );
    // One buffer, one write: handing the socket the parts (over a thousand) cost more than copying them
    // (bench:metrics: writev took 12 ms of the event loop a scrape at 10,000 integrations).
    const body = Buffer.concat(parts);
    response.setHeader('Content-Length', body.length);
    response.end(body);
  }
}
