import { CATEGORIES, PROBE_STATUSES } from '@ihm/diagnosis';
import type { IntegrationMetricsRow } from './integration-metrics.repository';

type Labels = Record<string, string>;

/** One series of the exposition: its labels and value. */
export interface Sample {
  labels: Labels;
  value: number;
}

interface SeriesDefinition {
  type: 'gauge' | 'counter';
  help: string;
  labelNames: readonly string[];
}

/** The per-integration series (DESIGN.md's names): each carries the `integration` label, its name. */
export const INTEGRATION_SERIES = {
  integration_up: {
    type: 'gauge',
    help: '1 when the latest result is up or degraded, 0 when down.',
    labelNames: ['integration'],
  },
  integration_probe_status: {
    type: 'gauge',
    help: 'The latest result status as a state set: 1 for the current status, 0 for the others.',
    labelNames: ['integration', 'status'],
  },
  integration_probe_category: {
    type: 'gauge',
    help: "The latest result's troubleshooting-guide category as a state set (all 0 while healthy).",
    labelNames: ['integration', 'category'],
  },
  integration_last_probe_timestamp_seconds: {
    type: 'gauge',
    help: 'When the latest probe started, as a Unix time.',
    labelNames: ['integration'],
  },
  integration_probe_duration_seconds: {
    type: 'gauge',
    help: "The latest probe's duration by phase (dns, connect, tls, ttfb, total), in seconds.",
    labelNames: ['integration', 'phase'],
  },
  integration_probes_total: {
    type: 'counter',
    help: 'Results stored for the integration, across restarts and worker processes.',
    labelNames: ['integration'],
  },
  integration_probe_failures_total: {
    type: 'counter',
    help: 'Down results stored for the integration, by category, across restarts and worker processes.',
    labelNames: ['integration', 'category'],
  },
  integration_rate_limit_remaining: {
    type: 'gauge',
    help: 'Requests left in the rate-limit budget, as the latest response said.',
    labelNames: ['integration'],
  },
  integration_rate_limit_limit: {
    type: 'gauge',
    help: 'The rate-limit budget, as the latest response said.',
    labelNames: ['integration'],
  },
  integration_rate_limit_reset_timestamp_seconds: {
    type: 'gauge',
    help: 'When the rate-limit budget resets, as a Unix time.',
    labelNames: ['integration'],
  },
  integration_certificate_expiry_timestamp_seconds: {
    type: 'gauge',
    help: 'When the server certificate seen by the latest probe expires, as a Unix time.',
    labelNames: ['integration'],
  },
  integration_token_expiry_timestamp_seconds: {
    type: 'gauge',
    help: 'When the credential the latest probe used expires (JWT exp, OAuth expires_in), as a Unix time.',
    labelNames: ['integration'],
  },
  integration_info: {
    type: 'gauge',
    help: 'Always 1: the integration, for joins; with METRICS_TAG_LABELS, a label per named tag key.',
    labelNames: ['integration', 'integration_id', 'kind', 'paused'],
  },
  integration_alerts_firing: {
    type: 'gauge',
    help: 'Alerts firing on the integration, by severity.',
    labelNames: ['integration', 'severity'],
  },
} as const satisfies Record<string, SeriesDefinition>;

export type IntegrationSeriesName = keyof typeof INTEGRATION_SERIES;

/**
 * integration_info's labels from tags: for each key METRICS_TAG_LABELS names, the value of the integration's first
 * `key:value` or `key=value` tag, or "" (a bounded set of labels, whatever the tags are).
 */
export function tagLabels(tags: readonly string[], keys: readonly string[]): Labels {
  return Object.fromEntries(
    keys.map((key) => {
      const tag = tags.find(
        (candidate) => candidate.startsWith(`${key}:`) || candidate.startsWith(`${key}=`),
      );
      return [key, tag ? tag.slice(key.length + 1) : ''];
    }),
  );
}

const PHASES = ['dns', 'connect', 'tls', 'ttfb', 'total'] as const;
const SEVERITIES = ['degraded', 'down'] as const;
const seconds = (date: Date) => date.getTime() / 1000;

/**
 * The samples of every integration series for these integrations: state sets for status and category, phases
 * and readings only where the latest probe had them, counters as stored. A value never probed has no series.
 */
export function integrationSeries(
  rows: readonly IntegrationMetricsRow[],
  tagKeys: readonly string[] = [],
): Record<IntegrationSeriesName, Sample[]> {
  const out = Object.fromEntries(
    Object.keys(INTEGRATION_SERIES).map((name) => [name, []]),
  ) as unknown as Record<IntegrationSeriesName, Sample[]>;
  for (const row of rows) {
    const integration = row.name;
    const one = (name: IntegrationSeriesName, value: number | null | undefined, labels: Labels = {}) => {
      if (value !== null && value !== undefined)
        out[name].push({ labels: { integration, ...labels }, value });
    };
    one('integration_info', 1, {
      integration_id: row.id,
      kind: 'http',
      paused: String(row.paused),
      ...tagLabels(row.tags, tagKeys),
    });
    one('integration_probes_total', row.counters.probes ?? 0);
    for (const category of CATEGORIES)
      one('integration_probe_failures_total', row.counters[`failures:${category}`], { category });
    for (const severity of SEVERITIES)
      one('integration_alerts_firing', row.firing[severity] ?? 0, { severity });
    if (row.status === null || row.checkedAt === null) continue;
    one('integration_up', row.status === 'down' ? 0 : 1);
    for (const status of PROBE_STATUSES)
      one('integration_probe_status', status === row.status ? 1 : 0, { status });
    for (const category of CATEGORIES)
      one('integration_probe_category', category === row.category ? 1 : 0, { category });
    one('integration_last_probe_timestamp_seconds', seconds(row.checkedAt));
    for (const phase of PHASES) {
      const ms = row.phasesMs[phase];
      one('integration_probe_duration_seconds', ms === null ? null : ms / 1000, { phase });
    }
    one('integration_rate_limit_remaining', row.rateLimit.remaining);
    one('integration_rate_limit_limit', row.rateLimit.limit);
    one(
      'integration_rate_limit_reset_timestamp_seconds',
      row.rateLimit.resetAt && seconds(row.rateLimit.resetAt),
    );
    one(
      'integration_certificate_expiry_timestamp_seconds',
      row.certificateExpiresAt && seconds(row.certificateExpiresAt),
    );
    one('integration_token_expiry_timestamp_seconds', row.tokenExpiresAt && seconds(row.tokenExpiresAt));
  }
  return out;
}
