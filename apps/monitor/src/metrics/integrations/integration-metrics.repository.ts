import type { IntegrationKind } from '@ihm/contracts';
import type { Category, ProbeStatus } from '@ihm/diagnosis';
import { Pool, Query, withPooledClient, type QueryArrayConfig } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationMetricsRow } from './integration-series';

/** The snapshot's columns, in order: arrays rather than objects, times as Unix seconds (no Date to parse). */
type Row = [
  id: string,
  name: string,
  kind: IntegrationKind,
  paused: boolean,
  tags: string[],
  status: ProbeStatus | null,
  category: Category | null,
  degraded: number,
  down: number,
  checkedAt: number | null,
  dnsMs: number | null,
  connectMs: number | null,
  tlsMs: number | null,
  ttfbMs: number | null,
  totalMs: number | null,
  rateLimitRemaining: number | null,
  rateLimitLimit: number | null,
  rateLimitResetAt: number | null,
  certificateExpiresAt: number | null,
  tokenExpiresAt: number | null,
];

const epoch = (column: string) => `extract(epoch FROM s.${column})::float8`;

const INTEGRATIONS = `
  SELECT i.id::text, i.name, i.kind::text, i.paused, i.tags, s.status::text, s.category::text,
    coalesce(a.degraded, 0), coalesce(a.down, 0), ${epoch('checked_at')},
    s.dns_ms, s.connect_ms, s.tls_ms, s.ttfb_ms, s.total_ms, s.rate_limit_remaining, s.rate_limit_limit,
    ${epoch('rate_limit_reset_at')}, ${epoch('certificate_expires_at')}, ${epoch('token_expires_at')}
  FROM integrations i
  LEFT JOIN integration_statuses s ON s.integration_id = i.id
  LEFT JOIN (
    SELECT integration_id, count(*) FILTER (WHERE severity = 'degraded')::int AS degraded,
      count(*) FILTER (WHERE severity = 'down')::int AS down
    FROM alerts WHERE state = 'firing' GROUP BY integration_id
  ) a ON a.integration_id = i.id
  ORDER BY i.id`;

// Query's constructor is typed without rowMode, which node-postgres honours for it as for pool.query.
const STREAMED_INTEGRATIONS: QueryArrayConfig = { text: INTEGRATIONS, rowMode: 'array' };

/** Each integration's counters by name. */
type Counters = ReadonlyMap<string, Record<string, number>>;

/** Counts fit a float exactly below 2^53; past it they are floats here as they are in Prometheus. */
const COUNTERS = 'SELECT integration_id::text, name, count::float8 FROM integration_counters';

/**
 * What a scrape reads: integrations with their latest statuses and firing alerts, and their counters (never the
 * raw results), so any process serving HTTP exports every integration, whichever worker probed it. Through
 * node-postgres as arrays (at 10,000 integrations Prisma's per-value conversion took twice the statement's time):
 * the counters on a second connection while the integrations stream in id order (the first rows wait for the
 * counters, merged here: cheaper than aggregating them in SQL), so that a scrape writes the first while Postgres
 * still sends the last, and the state buckets see their members in the same order each scrape.
 */
@Injectable()
export class IntegrationMetricsRepository {
  constructor(@Inject(Pool) private readonly pool: Pool) {}

  /** Calls `visit` for each integration as its row arrives, in id order; resolves after the last. */
  async eachIntegration(visit: (row: IntegrationMetricsRow) => void): Promise<void> {
    let counters: Counters | undefined;
    const early: Row[] = [];
    // A visitor that throws must not throw inside the driver's parser: the rest is read, then it rejects.
    let failure: unknown;
    const visitRow = (row: Row, read: Counters) => {
      if (failure !== undefined) return;
      try {
        visit(toRow(row, read));
      } catch (error) {
        failure = error;
      }
    };
    const outcomes = await Promise.allSettled([
      this.streamIntegrations((row) => (counters ? visitRow(row, counters) : early.push(row))),
      this.counters().then((read) => {
        counters = read;
        early.splice(0).forEach((row) => visitRow(row, read));
      }),
    ]);
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    if (failure !== undefined) throw failure;
  }

  private streamIntegrations(onRow: (row: Row) => void): Promise<void> {
    return withPooledClient(
      this.pool,
      (client) =>
        new Promise<void>((resolve, reject) => {
          const query = new Query<Row>(STREAMED_INTEGRATIONS);
          query.on('row', onRow);
          query.on('end', () => resolve());
          query.on('error', reject);
          client.query(query);
        }),
    );
  }

  private async counters(): Promise<Counters> {
    const { rows } = await this.pool.query<[integrationId: string, name: string, count: number]>({
      text: COUNTERS,
      rowMode: 'array',
    });
    const byIntegration = new Map<string, Record<string, number>>();
    for (const [integrationId, name, count] of rows) {
      const kept = byIntegration.get(integrationId);
      if (kept) kept[name] = count;
      else byIntegration.set(integrationId, { [name]: count });
    }
    return byIntegration;
  }
}

function toRow(
  [
    id,
    name,
    kind,
    paused,
    tags,
    status,
    category,
    degraded,
    down,
    checkedAt,
    dns,
    connect,
    tls,
    ttfb,
    total,
    remaining,
    limit,
    resetAt,
    certificateExpiresAt,
    tokenExpiresAt,
  ]: Row,
  counters: Counters,
): IntegrationMetricsRow {
  return {
    state: { id, name, kind, paused, tags, status, category, firing: { degraded, down } },
    readings: {
      checkedAt,
      phasesMs: { dns, connect, tls, ttfb, total },
      rateLimit: { remaining, limit, resetAt },
      certificateExpiresAt,
      tokenExpiresAt,
      counters: counters.get(id) ?? {},
    },
  };
}
