import type { Category, ProbeStatus } from '@ihm/diagnosis';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

/** One integration as its series read it: its latest status (null before its first result) and its counters. */
export interface IntegrationMetricsRow {
  id: string;
  name: string;
  paused: boolean;
  tags: string[];
  checkedAt: Date | null;
  status: ProbeStatus | null;
  category: Category | null;
  phasesMs: {
    dns: number | null;
    connect: number | null;
    tls: number | null;
    ttfb: number | null;
    total: number | null;
  };
  rateLimit: { remaining: number | null; limit: number | null; resetAt: Date | null };
  certificateExpiresAt: Date | null;
  tokenExpiresAt: Date | null;
  /** `probes` and `failures:<category>`, as integration_counters keeps them. */
  counters: Record<string, number>;
  /** Firing alerts by severity. */
  firing: Partial<Record<'degraded' | 'down', number>>;
}

interface Row {
  id: string;
  name: string;
  paused: boolean;
  tags: string[];
  checked_at: Date | null;
  status: ProbeStatus | null;
  category: Category | null;
  dns_ms: number | null;
  connect_ms: number | null;
  tls_ms: number | null;
  ttfb_ms: number | null;
  total_ms: number | null;
  rate_limit_remaining: number | null;
  rate_limit_limit: number | null;
  rate_limit_reset_at: Date | null;
  certificate_expires_at: Date | null;
  token_expires_at: Date | null;
  counters: Record<string, number> | null;
  firing: Record<string, number> | null;
}

/**
 * What a scrape reads: one statement over integrations, their latest statuses, counters and firing alerts (never
 * the raw results), so any process serving HTTP exports every integration, whichever worker probed it.
 */
@Injectable()
export class IntegrationMetricsRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async snapshot(): Promise<IntegrationMetricsRow[]> {
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT i.id::text, i.name, i.paused, i.tags, s.checked_at, s.status::text AS status, s.category::text AS category,
        s.dns_ms, s.connect_ms, s.tls_ms, s.ttfb_ms, s.total_ms, s.rate_limit_remaining, s.rate_limit_limit,
        s.rate_limit_reset_at, s.certificate_expires_at, s.token_expires_at, c.counters, a.firing
      FROM integrations i
      LEFT JOIN integration_statuses s ON s.integration_id = i.id
      LEFT JOIN (
        SELECT integration_id, jsonb_object_agg(name, count) AS counters
        FROM integration_counters GROUP BY integration_id
      ) c ON c.integration_id = i.id
      LEFT JOIN (
        SELECT integration_id, jsonb_object_agg(severity, n) AS firing
        FROM (SELECT integration_id, severity, count(*)::int AS n FROM alerts WHERE state = 'firing'
              GROUP BY integration_id, severity) f
        GROUP BY integration_id
      ) a ON a.integration_id = i.id`;
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      paused: row.paused,
      tags: row.tags,
      checkedAt: row.checked_at,
      status: row.status,
      category: row.category,
      phasesMs: {
        dns: row.dns_ms,
        connect: row.connect_ms,
        tls: row.tls_ms,
        ttfb: row.ttfb_ms,
        total: row.total_ms,
      },
      rateLimit: {
        remaining: row.rate_limit_remaining,
        limit: row.rate_limit_limit,
        resetAt: row.rate_limit_reset_at,
      },
      certificateExpiresAt: row.certificate_expires_at,
      tokenExpiresAt: row.token_expires_at,
      // Exposition values are floats: a count past 2^53 is a float here as it is in Prometheus.
      counters: row.counters ?? {},
      firing: row.firing ?? {},
    }));
  }
}
