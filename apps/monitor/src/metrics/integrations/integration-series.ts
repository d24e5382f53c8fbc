import type { IntegrationKind } from '@ihm/contracts';
import { CATEGORIES, PROBE_STATUSES, type Category, type ProbeStatus } from '@ihm/diagnosis';

/**
 * What the state families read: it changes only when an integration is edited, changes status or category, or an
 * alert fires or resolves, so their lines are kept between scrapes (bench:metrics).
 */
export interface IntegrationState {
  id: string;
  name: string;
  kind: IntegrationKind;
  paused: boolean;
  tags: readonly string[];
  /** null before the first result. */
  status: ProbeStatus | null;
  category: Category | null;
  firing: { degraded: number; down: number };
}

export const PHASES = ['dns', 'connect', 'tls', 'ttfb', 'total'] as const;
export type Phase = (typeof PHASES)[number];

/** What the reading families read: it moves with every probe. Times are Unix seconds, durations milliseconds. */
export interface IntegrationReadings {
  /** null before the first result. */
  checkedAt: number | null;
  phasesMs: Record<Phase, number | null>;
  rateLimit: { remaining: number | null; limit: number | null; resetAt: number | null };
  certificateExpiresAt: number | null;
  tokenExpiresAt: number | null;
  /** `probes` and `failures:<category>`, as integration_counters keeps them. */
  counters: Readonly<Record<string, number>>;
}

export interface IntegrationMetricsRow {
  state: IntegrationState;
  readings: IntegrationReadings;
}

/** One metric family: its name, type and HELP text. */
export interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
}

/*
 * `lines` writes one integration's samples, each ending in a line feed ('' for none); `label` is its
 * `integration="…"` pair, escaped once for all its series.
 */

export interface StateFamily extends Family {
  lines(state: IntegrationState, label: string, tagKeys: readonly string[]): string;
}

export interface ReadingFamily extends Family {
  lines(readings: IntegrationReadings, label: string): string;
}

/** A label value as the exposition formats escape it: backslash, double quote and line feed. */
export const escapeLabelValue = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The `integration="…"` pair every series of an integration carries. */
export const integrationLabel = (name: string) => `integration="${escapeLabelValue(name)}"`;

/**
 * integration_info's labels from tags: for each key METRICS_TAG_LABELS names, the value of the integration's first
 * `key:value` or `key=value` tag, or "" (a bounded set of labels, whatever the tags are).
 */
export function tagLabels(tags: readonly string[], keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    keys.map((key) => {
      const tag = tags.find(
        (candidate) => candidate.startsWith(`${key}:`) || candidate.startsWith(`${key}=`),
      );
      return [key, tag ? tag.slice(key.length + 1) : ''];
    }),
  );
}

const sample = (name: string, labels: string, value: number) => `${name}{${labels}} ${value}\n`;

/** A gauge of one value per integration, left out where the value is unknown. */
const reading = (
  name: string,
  help: string,
  value: (readings: IntegrationReadings) => number | null,
): ReadingFamily => ({
  name,
  type: 'gauge',
  help,
  lines: (readings, label) => {
    const current = value(readings);
    return current === null ? '' : sample(name, label, current);
  },
});

/** A state set: one series per possible value, 1 for the current one; none before the first result. */
const stateSet = <Value extends string>(
  name: string,
  help: string,
  labelName: string,
  values: readonly Value[],
  current: (state: IntegrationState) => Value | null,
): StateFamily => ({
  name,
  type: 'gauge',
  help,
  lines: (state, label) => {
    if (state.status === null) return '';
    const now = current(state);
    let text = '';
    for (const value of values)
      text += sample(name, `${label},${labelName}="${value}"`, value === now ? 1 : 0);
    return text;
  },
});

/** DESIGN.md's per-integration families that depend on the integration's state only. */
export const STATE_FAMILIES: readonly StateFamily[] = [
  {
    name: 'integration_info',
    type: 'gauge',
    help: 'Always 1: the integration, for joins; with METRICS_TAG_LABELS, a label per named tag key.',
    lines: (state, label, tagKeys) => {
      let labels = `${label},integration_id="${state.id}",kind="${state.kind}",paused="${state.paused}"`;
      for (const [key, value] of Object.entries(tagLabels(state.tags, tagKeys)))
        labels += `,${key}="${escapeLabelValue(value)}"`;
      return sample('integration_info', labels, 1);
    },
  },
  {
    name: 'integration_alerts_firing',
    type: 'gauge',
    help: 'Alerts firing on the integration, by severity.',
    lines: (state, label) =>
      sample('integration_alerts_firing', `${label},severity="degraded"`, state.firing.degraded) +
      sample('integration_alerts_firing', `${label},severity="down"`, state.firing.down),
  },
  {
    name: 'integration_up',
    type: 'gauge',
    help: '1 when the latest result is up or degraded, 0 when down.',
    lines: (state, label) =>
      state.status === null ? '' : sample('integration_up', label, state.status === 'down' ? 0 : 1),
  },
  stateSet(
    'integration_probe_status',
    'The latest result status as a state set: 1 for the current status, 0 for the others.',
    'status',
    PROBE_STATUSES,
    (state) => state.status,
  ),
  stateSet(
    'integration_probe_category',
    "The latest result's troubleshooting-guide category as a state set (all 0 while healthy).",
    'category',
    CATEGORIES,
    (state) => state.category,
  ),
];

/** integration_counters' name of each category's failures. */
const FAILURE_COUNTERS = CATEGORIES.map((category) => [`failures:${category}`, category] as const);

/** DESIGN.md's per-integration families that move with every probe. */
export const READING_FAMILIES: readonly ReadingFamily[] = [
  reading(
    'integration_last_probe_timestamp_seconds',
    'When the latest probe started, as a Unix time.',
    (readings) => readings.checkedAt,
  ),
  {
    name: 'integration_probe_duration_seconds',
    type: 'gauge',
    help: "The latest probe's duration by phase (dns, connect, tls, ttfb, total), in seconds.",
    lines: (readings, label) => {
      if (readings.checkedAt === null) return '';
      let text = '';
      for (const phase of PHASES) {
        const ms = readings.phasesMs[phase];
        if (ms !== null)
          text += sample('integration_probe_duration_seconds', `${label},phase="${phase}"`, ms / 1000);
      }
      return text;
    },
  },
  {
    name: 'integration_probes_total',
    type: 'counter',
    help: 'Results stored for the integration, across restarts and worker processes.',
    lines: (readings, label) => sample('integration_probes_total', label, readings.counters.probes ?? 0),
  },
  {
    name: 'integration_probe_failures_total',
    type: 'counter',
    help: 'Down results stored for the integration, by category, across restarts and worker processes.',
    lines: (readings, label) => {
      let text = '';
      for (const [counter, category] of FAILURE_COUNTERS) {
        const count = readings.counters[counter];
        if (count !== undefined)
          text += sample('integration_probe_failures_total', `${label},category="${category}"`, count);
      }
      return text;
    },
  },
  reading(
    'integration_rate_limit_remaining',
    'Requests left in the rate-limit budget, as the latest response said.',
    (readings) => readings.rateLimit.remaining,
  ),
  reading(
    'integration_rate_limit_limit',
    'The rate-limit budget, as the latest response said.',
    (readings) => readings.rateLimit.limit,
  ),
  reading(
    'integration_rate_limit_reset_timestamp_seconds',
    'When the rate-limit budget resets, as a Unix time.',
    (readings) => readings.rateLimit.resetAt,
  ),
  reading(
    'integration_certificate_expiry_timestamp_seconds',
    'When the server certificate seen by the latest probe expires, as a Unix time.',
    (readings) => readings.certificateExpiresAt,
  ),
  reading(
    'integration_token_expiry_timestamp_seconds',
    'When the credential the latest probe used expires (JWT exp, OAuth expires_in), as a Unix time.',
    (readings) => readings.tokenExpiresAt,
  ),
];
