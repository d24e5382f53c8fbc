import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { MetricsService } from '../metrics.service';
import { IntegrationMetricsRepository } from './integration-metrics.repository';
import { INTEGRATION_SERIES, integrationSeries, type IntegrationSeriesName } from './integration-series';

type Series = Gauge | Counter;

/**
 * The per-integration series in the monitor's registry, refreshed from Postgres before each scrape (one read,
 * however many integrations). Scrapes take turns, so two at once never interleave their resets and writes; a
 * deleted integration's series are gone at the next one.
 */
@Injectable()
export class IntegrationMetrics {
  private readonly series: Record<IntegrationSeriesName, Series>;
  private refreshing: Promise<void> = Promise.resolve();

  private readonly tagKeys: readonly string[];

  constructor(
    metrics: MetricsService,
    private readonly repository: IntegrationMetricsRepository,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.tagKeys = config.env.metricsTagLabels;
    this.series = Object.fromEntries(
      Object.entries(INTEGRATION_SERIES).map(([name, { type, help, labelNames }]) => {
        const extra = name === 'integration_info' ? this.tagKeys : [];
        const options = { name, help, labelNames: [...labelNames, ...extra], registers: [metrics.registry] };
        return [name, type === 'counter' ? new Counter(options) : new Gauge(options)];
      }),
    ) as Record<IntegrationSeriesName, Series>;
  }

  /** Reads every integration's series anew; the next one waits for a refresh under way. */
  refresh(): Promise<void> {
    const next = this.refreshing.catch(() => undefined).then(() => this.refreshOnce());
    this.refreshing = next;
    return next;
  }

  private async refreshOnce(): Promise<void> {
    const samples = integrationSeries(await this.repository.snapshot(), this.tagKeys);
    for (const [name, series] of Object.entries(this.series) as [IntegrationSeriesName, Series][]) {
      series.reset();
      for (const { labels, value } of samples[name]) {
        // A counter's value is the stored count: reset, then moved up by it (prom-client has no set for counters).
        if (series instanceof Counter) series.inc(labels, value);
        else series.set(labels, value);
      }
    }
  }
}
