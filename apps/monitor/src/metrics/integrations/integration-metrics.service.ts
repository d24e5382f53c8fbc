import { Inject, Injectable } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { addLines, noLines, renderFamilies, type ExpositionFormat } from './integration-exposition';
import { IntegrationMetricsRepository } from './integration-metrics.repository';
import { integrationSeries } from './integration-series';

/** Integrations turned into lines between two yields to the event loop: probing is never held up for long. */
const CHUNK = 500;

/**
 * Every integration's series, read from Postgres once per scrape (one statement, however many integrations) and
 * written as exposition text a chunk at a time, yielding between chunks so that a scrape of 10,000 integrations
 * does not stop the scheduler. Scrapes that arrive while one is being written share it; a deleted integration's
 * series are gone at the next one.
 */
@Injectable()
export class IntegrationMetrics {
  private readonly tagKeys: readonly string[];
  private readonly inFlight = new Map<ExpositionFormat, Promise<string>>();

  constructor(
    private readonly repository: IntegrationMetricsRepository,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.tagKeys = config.env.metricsTagLabels;
  }

  /** The integration families in this format. */
  exposition(format: ExpositionFormat): Promise<string> {
    const running = this.inFlight.get(format);
    if (running) return running;
    const next = this.write(format).finally(() => this.inFlight.delete(format));
    this.inFlight.set(format, next);
    return next;
  }

  private async write(format: ExpositionFormat): Promise<string> {
    const rows = await this.repository.snapshot();
    const lines = noLines();
    for (let start = 0; start < rows.length; start += CHUNK) {
      addLines(lines, integrationSeries(rows.slice(start, start + CHUNK), this.tagKeys));
      await setImmediate();
    }
    return renderFamilies(lines, format);
  }
}
