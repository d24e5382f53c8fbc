import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import type { ContentEncoding } from '../content-encoding';
import {
  bucketKey,
  bucketOf,
  ExpositionBuilder,
  renderBucket,
  type ExpositionFormat,
  type ReadingCache,
  type StateBucket,
} from './integration-exposition';
import { IntegrationMetricsRepository } from './integration-metrics.repository';
import type { IntegrationMetricsRow } from './integration-series';

/** Readings turned into bytes every this many integrations, so no string grows to the whole fleet's size. */
const FLUSH_EVERY = 1000;

/**
 * Every integration's series, read from Postgres once per scrape and written as exposition bytes as the rows
 * stream in (the event loop turns between the driver's reads, so a scrape of 10,000 integrations never stops the
 * scheduler for long). The state families of a bucket of integrations are rewritten only when one of them changed
 * since the last scrape (StateBucket), and an integration's readings only when it has a new result (ReadingCache). Scrapes that arrive while one is being written share it; a deleted
 * integration's series are gone at the next one.
 */
@Injectable()
export class IntegrationMetrics {
  private readonly tagKeys: readonly string[];
  private readonly inFlight = new Map<string, Promise<Buffer[]>>();
  /** The last scrape's state buckets and reading lines: only of integrations that still exist. */
  private buckets = new Map<string, StateBucket>();
  private readings: ReadingCache = new Map();

  constructor(
    private readonly repository: IntegrationMetricsRepository,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.tagKeys = config.env.metricsTagLabels;
  }

  /** The integration families in this format and encoding, as parts to write in order. */
  exposition(format: ExpositionFormat, encoding: ContentEncoding = 'identity'): Promise<Buffer[]> {
    const key = `${format} ${encoding}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const next = this.write(format, encoding).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, next);
    return next;
  }

  private async write(format: ExpositionFormat, encoding: ContentEncoding): Promise<Buffer[]> {
    const builder = new ExpositionBuilder(encoding, this.readings);
    const buckets = new Map<string, StateBucket>();
    let members: IntegrationMetricsRow[] = [];
    let sinceFlush = 0;
    const close = () => {
      if (members.length === 0) return;
      const id = bucketOf(members[0]!.state.id);
      const states = members.map(({ state }) => state);
      const key = bucketKey(states);
      const kept = this.buckets.get(id);
      const bucket = kept?.key === key ? kept : renderBucket(key, states, this.tagKeys);
      buckets.set(id, bucket);
      builder.add(bucket, members);
      if ((sinceFlush += members.length) >= FLUSH_EVERY) {
        builder.flush();
        sinceFlush = 0;
      }
      members = [];
    };
    // Rows come in id order, so a bucket's members arrive together.
    await this.repository.eachIntegration((row) => {
      if (members.length > 0 && bucketOf(row.state.id) !== bucketOf(members[0]!.state.id)) close();
      members.push(row);
    });
    close();
    this.buckets = buckets;
    this.readings = builder.written;
    return builder.finish(format);
  }
}
