import { overviewGroupOf } from '@ihm/contracts';
import { Pool, PrismaClient, withPooledClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { ScheduleChange } from '../pipeline/check-result';
import { LATENCY_COLUMN_NAMES, LATENCY_COLUMNS } from './latency-columns';
import type { ResultEntry } from './result-entry';
import { resultCounts } from './result-counts';
import { buildRollups, newestByIntegration, type Rollup } from './rollup';
import { storedEvidence } from './stored-evidence';

const json = (rows: unknown) => JSON.stringify(rows);
/** One SQL statement and its positional parameters. */
type Statement = readonly [text: string, values: readonly unknown[]];
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

const isScheduled = (entry: ResultEntry): entry is ResultEntry & { schedule: ScheduleChange } =>
  entry.schedule !== undefined;

const withoutTrailingZeros = (counts: readonly number[]) => {
  let length = counts.length;
  while (length > 0 && counts[length - 1] === 0) length -= 1;
  return counts.slice(0, length);
};

function rollupRecord(rollup: Rollup): Record<string, unknown> {
  const record: Record<string, unknown> = {
    integration_id: rollup.integrationId,
    bucket_start: rollup.bucketStart.toISOString(),
    probe_count: rollup.probeCount,
    degraded_count: rollup.degradedCount,
    failure_count: rollup.failureCount,
    rate_limit_remaining: rollup.rateLimit?.remaining ?? null,
    rate_limit_limit: rollup.rateLimit?.limit ?? null,
    rate_limit_at: iso(rollup.rateLimit?.at),
  };
  for (const { phase, histogram, maxMs } of LATENCY_COLUMNS) {
    const latency = rollup.latency[phase];
    // A phase that did not happen (no TLS over plain HTTP) stores nothing rather than a row of zeros, and the
    // buckets above the slowest probe are left off (readers and merges count a missing bucket as zero): rollups
    // are most of the disk at scale, and most of a rollup row is its histograms.
    record[histogram] = latency.maxMs === null ? [] : withoutTrailingZeros(latency.counts);
    record[maxMs] = latency.maxMs;
  }
  return record;
}

// Column lists built from LATENCY_COLUMNS only, never from input.
const LATENCY_RECORD_TYPES = LATENCY_COLUMNS.flatMap((c) => [`${c.histogram} int[]`, `${c.maxMs} real`]).join(
  ', ',
);
const LATENCY_MERGE = LATENCY_COLUMNS.flatMap((c) => [
  `${c.histogram} = ihm_int_array_add(t.${c.histogram}, excluded.${c.histogram})`,
  `${c.maxMs} = greatest(t.${c.maxMs}, excluded.${c.maxMs})`,
]).join(',\n         ');

/**
 * Writes a batch of results in one transaction of a few set-based statements (one JSON parameter each, however
 * many rows, read with json_to_recordset: read once, a parameter costs less as json than built into jsonb): raw
 * results, latest statuses, counters, minute and hour rollups, and the schedule changes. Rows of integrations
 * deleted meanwhile are skipped, never an error that would block the batch.
 */
@Injectable()
export class ResultStoreRepository {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  async writeBatch(entries: readonly ResultEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const days = [...new Set(entries.map((e) => e.result.startedAt.toISOString().slice(0, 10)))];
    const results = entries.map(({ integrationId, result }) => ({
      integration_id: integrationId,
      started_at: result.startedAt.toISOString(),
      status: result.status,
      category: result.category,
      http_status: result.httpStatus,
      message: result.message,
      dns_ms: result.timings.dnsMs,
      connect_ms: result.timings.connectMs,
      tls_ms: result.timings.tlsMs,
      ttfb_ms: result.timings.ttfbMs,
      total_ms: result.timings.totalMs,
      rate_limit_limit: result.rateLimit?.limit ?? null,
      rate_limit_remaining: result.rateLimit?.remaining ?? null,
      rate_limit_reset_at: iso(result.rateLimit?.resetAt),
      retry_after_seconds: result.rateLimit?.retryAfterSeconds ?? null,
      schema_errors: result.schemaErrors,
      tls: result.tls && { ...result.tls, validTo: iso(result.tls.validTo) },
      evidence: storedEvidence(result),
      troubleshooting: result.troubleshooting,
      token_expires_at: iso(result.tokenExpiresAt),
    }));
    const statuses = newestByIntegration(entries).map(({ integrationId, result }) => ({
      integration_id: integrationId,
      checked_at: result.startedAt.toISOString(),
      status: result.status,
      category: result.category,
      overview_group: overviewGroupOf(result),
      http_status: result.httpStatus,
      message: result.message,
      dns_ms: result.timings.dnsMs,
      connect_ms: result.timings.connectMs,
      tls_ms: result.timings.tlsMs,
      ttfb_ms: result.timings.ttfbMs,
      total_ms: result.timings.totalMs,
      rate_limit_remaining: result.rateLimit?.remaining ?? null,
      rate_limit_limit: result.rateLimit?.limit ?? null,
      rate_limit_reset_at: iso(result.rateLimit?.resetAt),
      certificate_expires_at: iso(result.tls?.validTo),
      token_expires_at: iso(result.tokenExpiresAt),
    }));
    const counters = resultCounts(entries).map(({ integrationId, name, count }) => ({
      integration_id: integrationId,
      name,
      count,
    }));
    // Of each check's scheduled runs, the newest: a batch can hold several (made while the database was away),
    // and an UPDATE joined to several rows takes any one of them.
    const schedules = newestByIntegration(entries.filter(isScheduled)).map(({ integrationId, schedule }) => ({
      integration_id: integrationId,
      next_due_at: schedule.nextDueAt.toISOString(),
      lease_owner: schedule.leaseOwner,
    }));
    const deliveries = entries.flatMap(({ integrationId, accepted }) =>
      accepted
        ? [
            {
              integration_id: integrationId,
              at: accepted.at.toISOString(),
              deadline: accepted.silenceDeadline.toISOString(),
            },
          ]
        : [],
    );

    await this.transaction([
      [`SELECT ihm_ensure_result_partition(d::date) FROM unnest($1::text[]) AS d`, [days]],
      [
        `
        INSERT INTO probe_results (integration_id, started_at, status, category, http_status, message, dns_ms, connect_ms,
          tls_ms, ttfb_ms, total_ms, rate_limit_limit, rate_limit_remaining, rate_limit_reset_at, retry_after_seconds,
          schema_errors, tls, evidence, troubleshooting, token_expires_at, kept)
        SELECT r.integration_id, r.started_at, r.status, r.category, r.http_status, r.message, r.dns_ms, r.connect_ms,
          r.tls_ms, r.ttfb_ms, r.total_ms, r.rate_limit_limit, r.rate_limit_remaining, r.rate_limit_reset_at,
          r.retry_after_seconds, coalesce(r.schema_errors, '[]'), r.tls, r.evidence, r.troubleshooting, r.token_expires_at,
          -- Kept for the full retention unless it passed and the integration was up before: before it in this batch,
          -- else in its latest status (written after this statement).
          r.status <> 'up' OR coalesce(
            lag(r.status) OVER (PARTITION BY r.integration_id ORDER BY r.started_at),
            (SELECT s.status FROM integration_statuses s WHERE s.integration_id = r.integration_id)
          ) IS DISTINCT FROM 'up'
        FROM json_to_recordset($1::json) AS r(integration_id uuid, started_at timestamptz,
          status "ProbeStatus", category "Category", http_status smallint, message text, dns_ms real, connect_ms real,
          tls_ms real, ttfb_ms real, total_ms real, rate_limit_limit int, rate_limit_remaining int,
          rate_limit_reset_at timestamptz, retry_after_seconds int, schema_errors jsonb, tls jsonb, evidence jsonb,
          troubleshooting text[], token_expires_at timestamptz)
        WHERE EXISTS (SELECT 1 FROM integrations i WHERE i.id = r.integration_id)`,
        [json(results)],
      ],
      [
        `
        INSERT INTO integration_statuses AS s (integration_id, checked_at, status, category, overview_group, http_status,
          message, dns_ms, connect_ms, tls_ms, ttfb_ms, total_ms, rate_limit_remaining, rate_limit_limit,
          rate_limit_reset_at, certificate_expires_at, token_expires_at)
        SELECT r.integration_id, r.checked_at, r.status, r.category, r.overview_group, r.http_status, r.message,
          r.dns_ms, r.connect_ms, r.tls_ms, r.ttfb_ms, r.total_ms, r.rate_limit_remaining, r.rate_limit_limit,
          r.rate_limit_reset_at, r.certificate_expires_at, r.token_expires_at
        FROM json_to_recordset($1::json) AS r(integration_id uuid, checked_at timestamptz,
          status "ProbeStatus", category "Category", overview_group text, http_status smallint, message text,
          dns_ms real, connect_ms real, tls_ms real, ttfb_ms real, total_ms real, rate_limit_remaining int,
          rate_limit_limit int, rate_limit_reset_at timestamptz, certificate_expires_at timestamptz,
          token_expires_at timestamptz)
        WHERE EXISTS (SELECT 1 FROM integrations i WHERE i.id = r.integration_id)
        ON CONFLICT (integration_id) DO UPDATE SET
          checked_at = excluded.checked_at, status = excluded.status, category = excluded.category,
          overview_group = excluded.overview_group, http_status = excluded.http_status, message = excluded.message,
          dns_ms = excluded.dns_ms, connect_ms = excluded.connect_ms, tls_ms = excluded.tls_ms,
          ttfb_ms = excluded.ttfb_ms, total_ms = excluded.total_ms,
          rate_limit_remaining = excluded.rate_limit_remaining, rate_limit_limit = excluded.rate_limit_limit,
          rate_limit_reset_at = excluded.rate_limit_reset_at, certificate_expires_at = excluded.certificate_expires_at,
          token_expires_at = excluded.token_expires_at
        WHERE excluded.checked_at >= s.checked_at`,
        [json(statuses)],
      ],
      [
        `
        INSERT INTO integration_counters AS c (integration_id, name, count)
        SELECT r.integration_id, r.name, r.count
        FROM json_to_recordset($1::json) AS r(integration_id uuid, name text, count bigint)
        WHERE EXISTS (SELECT 1 FROM integrations i WHERE i.id = r.integration_id)
        ORDER BY r.integration_id, r.name
        ON CONFLICT (integration_id, name) DO UPDATE SET count = c.count + excluded.count`,
        [json(counters)],
      ],
      this.upsertRollups('result_rollups_minute', buildRollups(entries, 'minute')),
      this.upsertRollups('result_rollups_hour', buildRollups(entries, 'hour')),
      [
        `
        -- A result never moves its check back: one written after a later run's (a retried batch) leaves it be.
        UPDATE check_schedules s SET next_due_at = greatest(s.next_due_at, r.next_due_at), lease_expires_at = NULL,
          -- The check stays its runner's while that worker holds a lease; one that retired leaves it to anyone.
          lease_owner = CASE WHEN EXISTS (SELECT 1 FROM scheduler_workers w WHERE w.id = r.lease_owner)
            THEN r.lease_owner END
        FROM json_to_recordset($1::json) AS r(integration_id uuid, next_due_at timestamptz, lease_owner text)
        WHERE s.integration_id = r.integration_id AND (s.lease_owner IS NULL OR s.lease_owner = r.lease_owner)`,
        [json(schedules)],
      ],
      [
        `
        UPDATE check_schedules s
        SET next_due_at = greatest(s.next_due_at, r.deadline), last_delivery_at = greatest(s.last_delivery_at, r.at)
        FROM (
          SELECT d.integration_id, max(d.at) AS at, max(d.deadline) AS deadline
          FROM json_to_recordset($1::json) AS d(integration_id uuid, at timestamptz, deadline timestamptz)
          GROUP BY d.integration_id
        ) r
        WHERE s.integration_id = r.integration_id`,
        [json(deliveries)],
      ],
    ]);
  }

  /** Whether the database answers at all: tells an outage from a batch it refuses. */
  async isReachable(): Promise<boolean> {
    return this.prisma.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
  }

  private upsertRollups(
    table: 'result_rollups_minute' | 'result_rollups_hour',
    rollups: Rollup[],
  ): Statement {
    // The table name comes from the union type above and the latency columns from LATENCY_COLUMNS, never from input.
    return [
      `INSERT INTO ${table} AS t (integration_id, bucket_start, probe_count, degraded_count, failure_count,
         ${LATENCY_COLUMN_NAMES}, rate_limit_remaining, rate_limit_limit, rate_limit_at)
       SELECT r.integration_id, r.bucket_start, r.probe_count, r.degraded_count, r.failure_count,
         ${LATENCY_COLUMN_NAMES}, r.rate_limit_remaining, r.rate_limit_limit, r.rate_limit_at
       FROM json_to_recordset($1::json) AS r(integration_id uuid, bucket_start timestamptz, probe_count int,
         degraded_count int, failure_count int, ${LATENCY_RECORD_TYPES},
         rate_limit_remaining int, rate_limit_limit int, rate_limit_at timestamptz)
       WHERE EXISTS (SELECT 1 FROM integrations i WHERE i.id = r.integration_id)
       ON CONFLICT (integration_id, bucket_start) DO UPDATE SET
         probe_count = t.probe_count + excluded.probe_count,
         degraded_count = t.degraded_count + excluded.degraded_count,
         failure_count = t.failure_count + excluded.failure_count,
         ${LATENCY_MERGE},
         rate_limit_remaining = CASE WHEN excluded.rate_limit_at >= coalesce(t.rate_limit_at, '-infinity')
           THEN excluded.rate_limit_remaining ELSE t.rate_limit_remaining END,
         rate_limit_limit = CASE WHEN excluded.rate_limit_at >= coalesce(t.rate_limit_at, '-infinity')
           THEN excluded.rate_limit_limit ELSE t.rate_limit_limit END,
         rate_limit_at = greatest(t.rate_limit_at, excluded.rate_limit_at)`,
      [json(rollups.map(rollupRecord))],
    ];
  }

  /**
   * Runs the statements in one transaction on one pooled connection, through node-postgres itself: a batch's
   * parameters are megabytes of JSON, which Prisma's raw queries would copy and convert once more on the way.
   */
  private transaction(statements: readonly Statement[]): Promise<void> {
    // A connection that failed mid-transaction is discarded rather than handed to the next query.
    return withPooledClient(this.pool, async (client) => {
      try {
        await client.query('BEGIN');
        for (const [text, values] of statements) await client.query(text, [...values]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }
}
