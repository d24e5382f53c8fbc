import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findBinary } from '../tools/find-binary';
import { join, resolve } from 'node:path';

/**
 * The operations kit in deploy/ as tests read it: its files, the tools that load it (Debian's promtool, amtool,
 * prometheus; a missing one is an error, never a skip), and the dashboard's PromQL expressions.
 */
export const ROOT = resolve(__dirname, '..', '..', '..', '..');
export const DEPLOY = join(ROOT, 'deploy');
export const PROMETHEUS_YML = join(DEPLOY, 'prometheus', 'prometheus.yml');
export const RULES_YML = join(DEPLOY, 'prometheus', 'rules.yml');
export const RULES_TEST_YML = join(DEPLOY, 'prometheus', 'rules.test.yml');
export const ALERTMANAGER_YML = join(DEPLOY, 'alertmanager', 'alertmanager.yml');
export const DASHBOARD_JSON = join(DEPLOY, 'grafana', 'dashboards', 'integration-health.json');
export const TOKEN_FILE = '/etc/prometheus/metrics_token';

/** The metric names of DESIGN.md "Prometheus metrics" and the README: the only ones the kit may query. */
export const CONTRACT_METRICS = new Set([
  'integration_up',
  'integration_probe_status',
  'integration_probe_category',
  'integration_last_probe_timestamp_seconds',
  'integration_probe_duration_seconds',
  'integration_probes_total',
  'integration_probe_failures_total',
  'integration_rate_limit_remaining',
  'integration_rate_limit_limit',
  'integration_rate_limit_reset_timestamp_seconds',
  'integration_certificate_expiry_timestamp_seconds',
  'integration_token_expiry_timestamp_seconds',
  'integration_info',
  'integration_alerts_firing',
  'monitor_scheduler_lag_seconds_bucket',
  'monitor_scheduler_lag_seconds_sum',
  'monitor_scheduler_lag_seconds_count',
  'monitor_scheduler_queue_depth',
  'monitor_probes_in_flight',
  'monitor_results_buffered',
  'monitor_check_results_total',
  'monitor_notifications_total',
  'monitor_results_written_total',
  'monitor_results_dropped_total',
]);

export const promtool = () => findBinary('PROMTOOL_BIN', ['promtool'], 'prometheus');
export const amtool = () => findBinary('AMTOOL_BIN', ['amtool'], 'prometheus-alertmanager');

export interface Run {
  code: number | null;
  output: string;
}

/** Runs a tool to its end; its exit code and everything it printed, for the assertion message. */
export function run(binary: string, args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((done, fail) => {
    execFile(binary, args, { cwd, timeout: 20_000 }, (error, stdout, stderr) => {
      const output = `$ ${[binary, ...args].join(' ')}\n${stdout}${stderr}`;
      if (error && typeof error.code !== 'number') fail(new Error(`${output}\n${error.message}`));
      else done({ code: error ? (error.code as number) : 0, output });
    });
  });
}

export function expectSuccess(result: Run): void {
  // The output in the failure message says what the tool refused.
  expect({ code: result.code, output: result.output }).toEqual({ code: 0, output: result.output });
}

/**
 * Metric names an expression or a rules file reads: label matchers (`{…}`, where label names like
 * integration_id live) and recording rules' level:metric:operation names left out.
 */
export function metricNames(text: string): string[] {
  return [
    ...text.replace(/\{[^{}]*\}/g, '{}').matchAll(/(?<![\w:])((?:integration|monitor)_[a-z0-9_]+)(?![\w:])/g),
  ].map((m) => m[1]!);
}

interface Target {
  refId?: string;
  expr?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Variable {
  name: string;
  type: string;
  query?: string | { query: string };
}
interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

export const dashboard = (): Dashboard => JSON.parse(readFileSync(DASHBOARD_JSON, 'utf8')) as Dashboard;
export const allPanels = (panels: Panel[]): Panel[] =>
  panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);

/** Grafana's variables as a query would see them: a literal for each, 5m for the interval macros. */
export function substituteVariables(expr: string, integration = 'billing-api'): string {
  return expr
    .replace(/\$__(rate_interval|interval|range)\b|\$\{__(rate_interval|interval|range)\}/g, '5m')
    .replace(/\$\{job\}|\$job\b/g, 'integration-health-monitor')
    .replace(/\$\{integration\}|\$integration\b/g, integration);
}

/**
 * Every PromQL expression of the dashboard, its panels' targets and its query variables' selectors, each with a
 * recording-rule name that says where it is (promtool's error names the rule).
 */
export function dashboardExpressions(): { name: string; record: string; expr: string }[] {
  const fromPanels = allPanels(dashboard().panels).flatMap((panel) =>
    (panel.targets ?? [])
      .filter((t) => t.expr !== undefined)
      .map((t) => ({
        name: `panel ${panel.id} (${panel.title}) ${t.refId}`,
        record: `dashboard:panel_${panel.id}_${t.refId}:check`,
        expr: t.expr!,
      })),
  );
  const fromVariables = dashboard()
    .templating.list.filter((v) => v.type === 'query')
    .map((v) => {
      const query = typeof v.query === 'string' ? v.query : (v.query?.query ?? '');
      // label_values(selector, label), query_result(expr): the PromQL inside.
      const inner = /^label_values\((.+),\s*\w+\)$/.exec(query) ?? /^query_result\((.+)\)$/.exec(query);
      return {
        name: `variable ${v.name}`,
        record: `dashboard:variable_${v.name}:check`,
        expr: inner ? inner[1]! : query,
      };
    });
  return [...fromPanels, ...fromVariables];
}
