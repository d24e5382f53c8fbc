import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALERTMANAGER_YML,
  allPanels,
  amtool,
  CONTRACT_METRICS,
  dashboard,
  dashboardExpressions,
  DEPLOY,
  expectSuccess,
  metricNames,
  PROMETHEUS_YML,
  promtool,
  ROOT,
  RULES_TEST_YML,
  RULES_YML,
  run,
  substituteVariables,
  TOKEN_FILE,
} from '../deploy/deploy-kit';

/**
 * The operations kit in deploy/ checked by the tools that will load it: Debian's promtool (Prometheus 2.42) and
 * amtool (Alertmanager 0.25). Static checks; live-prometheus.integration-spec.ts runs Prometheus on the monitor.
 * A missing promtool or amtool fails these tests (apt-get install prometheus prometheus-alertmanager, as .ci/run
 * does, or set PROMTOOL_BIN / AMTOOL_BIN).
 */
describe('operations kit (deploy/)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ihm-deploy-kit-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('Prometheus', () => {
    it('scrapes the monitor with a bearer token from a file, loads rules.yml and alerts to Alertmanager', () => {
      const config = readFileSync(PROMETHEUS_YML, 'utf8');
      expect(config).toMatch(/- job_name: integration-health-monitor\n/);
      expect(config).toContain(`credentials_file: ${TOKEN_FILE}`);
      expect(config).not.toMatch(/^\s*(credentials|bearer_token):/m);
      expect(config).toContain("- targets: ['monitor:4000']");
      expect(config).toContain("- targets: ['alertmanager:9093']");
      expect(config).toMatch(/rule_files:\n\s+- rules\.yml\n/);
    });

    it('promtool check config accepts prometheus.yml and the rules it loads', async () => {
      // promtool wants the token file to exist: check a copy that reads it from a temporary file instead.
      const tokenFile = join(dir, 'metrics_token');
      await writeFile(tokenFile, 'deploy-kit-check-token\n');
      const config = readFileSync(PROMETHEUS_YML, 'utf8');
      await writeFile(join(dir, 'prometheus.yml'), config.split(TOKEN_FILE).join(tokenFile));
      await writeFile(join(dir, 'rules.yml'), readFileSync(RULES_YML));
      const result = await run(promtool(), ['check', 'config', join(dir, 'prometheus.yml')]);
      expectSuccess(result);
      expect(result.output).toContain('SUCCESS');
    });

    it('promtool check rules accepts rules.yml', async () => {
      const result = await run(promtool(), ['check', 'rules', RULES_YML]);
      expectSuccess(result);
      expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    });

    it('promtool test rules: each alert fires when it should, with its labels and annotations', async () => {
      const result = await run(promtool(), ['test', 'rules', RULES_TEST_YML], join(DEPLOY, 'prometheus'));
      expectSuccess(result);
      // Every alert of rules.yml is exercised by the unit tests.
      const alerts = new Set(
        [...readFileSync(RULES_YML, 'utf8').matchAll(/- alert: (\w+)/g)].map((m) => m[1]),
      );
      const tested = new Set(
        [...readFileSync(RULES_TEST_YML, 'utf8').matchAll(/alertname: (\w+)/g)].map((m) => m[1]),
      );
      expect([...alerts].filter((name) => !tested.has(name))).toEqual([]);
      for (const name of [
        'IntegrationDown',
        'IntegrationFailing',
        'FailureCategoryRising',
        'IntegrationRateLimitBudgetLow',
        'IntegrationCertificateExpiringSoon',
        'IntegrationTokenExpiringSoon',
        'MonitorSchedulerLagging',
        'MonitorDown',
      ])
        expect(alerts).toContain(name);
    });

    it('the rules and their tests read only the metric names of the contract', () => {
      const names = [RULES_YML, RULES_TEST_YML].flatMap((file) => metricNames(readFileSync(file, 'utf8')));
      expect(names.length).toBeGreaterThan(20);
      expect(names.filter((name) => !CONTRACT_METRICS.has(name))).toEqual([]);
    });
  });

  describe('Alertmanager', () => {
    it('amtool check-config accepts alertmanager.yml', async () => {
      const result = await run(amtool(), ['check-config', ALERTMANAGER_YML]);
      expectSuccess(result);
      expect(result.output).toContain('SUCCESS');
    });

    it.each(['critical', 'warning'])('routes severity=%s to its own receiver', async (severity) => {
      const result = await run(amtool(), [
        'config',
        'routes',
        'test',
        `--config.file=${ALERTMANAGER_YML}`,
        `--verify.receivers=${severity}`,
        `severity=${severity}`,
        'alertname=IntegrationDown',
        'integration=billing-api',
      ]);
      expectSuccess(result);
    });

    it('a critical alert inhibits the warnings about the same integration', () => {
      const config = readFileSync(ALERTMANAGER_YML, 'utf8');
      expect(config).toMatch(
        /inhibit_rules:\n\s+- source_matchers: \['severity="critical"'\]\n\s+target_matchers: \['severity="warning"'\]\n\s+equal: \['integration'\]/,
      );
    });
  });

  describe('Grafana', () => {
    it('has the panels of the issue, on the provisioned datasource, with an integration variable', () => {
      const board = dashboard();
      const panels = allPanels(board.panels);
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      for (const panel of panels.filter((p) => p.type !== 'row'))
        expect({ panel: panel.title, datasource: panel.datasource }).toEqual({
          panel: panel.title,
          datasource: { type: 'prometheus', uid: '${datasource}' },
        });
      const titles = panels.map((p) => p.title);
      for (const title of [
        'Integrations by status',
        'Integrations by failure category',
        'Failures by category',
        'Latency by phase: $integration',
        'Rate-limit budget: $integration',
        'Rate-limit budget, lowest first',
        'Certificates and tokens expiring soonest',
        'Scheduler lag',
      ])
        expect(titles).toContain(title);
      const integration = board.templating.list.find((v) => v.name === 'integration');
      expect(integration?.query).toEqual({
        query: 'label_values(integration_info{job="$job"}, integration)',
        refId: 'integration',
      });
      expect(board.templating.list.find((v) => v.name === 'datasource')).toMatchObject({
        type: 'datasource',
        query: 'prometheus',
      });
    });

    it('every PromQL expression of the dashboard passes promtool check rules', async () => {
      const expressions = dashboardExpressions();
      expect(expressions.length).toBeGreaterThanOrEqual(15);
      const rules = expressions.map(({ name, record, expr }) => {
        const substituted = substituteVariables(expr);
        expect({ name, leftover: substituted.match(/\$\{?\w+/g) }).toEqual({ name, leftover: null });
        return { record, expr: substituted };
      });
      // JSON is YAML: a rules file promtool reads as it is.
      const file = join(dir, 'dashboard-rules.yml');
      await writeFile(file, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }, null, 2));
      const result = await run(promtool(), ['check', 'rules', file]);
      expectSuccess(result);
      expect(result.output).toContain(`SUCCESS: ${rules.length} rules found`);
    });

    it('the dashboard reads only the metric names of the contract', () => {
      const names = dashboardExpressions().flatMap(({ expr }) => metricNames(expr));
      expect(names.filter((name) => !CONTRACT_METRICS.has(name))).toEqual([]);
      for (const name of [
        'integration_probe_status',
        'integration_probe_category',
        'integration_probe_failures_total',
        'integration_probe_duration_seconds',
        'integration_rate_limit_reset_timestamp_seconds',
        'integration_certificate_expiry_timestamp_seconds',
        'integration_token_expiry_timestamp_seconds',
        'monitor_scheduler_lag_seconds_bucket',
      ])
        expect(names).toContain(name);
    });

    it('provisions the Prometheus datasource and loads the dashboards from where compose mounts them', () => {
      const datasources = readFileSync(
        join(DEPLOY, 'grafana', 'provisioning', 'datasources', 'datasources.yml'),
        'utf8',
      );
      expect(datasources).toMatch(
        /uid: prometheus\n\s+type: prometheus\n[\s\S]*url: http:\/\/prometheus:9090\n/,
      );
      const providers = readFileSync(
        join(DEPLOY, 'grafana', 'provisioning', 'dashboards', 'dashboards.yml'),
        'utf8',
      );
      expect(providers).toContain('path: /etc/grafana/dashboards\n');
      expect(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')).toContain(
        '- ./deploy/grafana/dashboards:/etc/grafana/dashboards:ro\n',
      );
    });
  });

  describe('docker-compose.yml', () => {
    const compose = () => readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');

    it('mounts files of deploy/ that exist, at the paths the configurations name', () => {
      const sources = [...compose().matchAll(/- \.\/(deploy\/[^:\s]+):/g)].map((m) => m[1]!);
      expect(sources.length).toBeGreaterThanOrEqual(5);
      expect(sources.filter((source) => !existsSync(join(ROOT, source)))).toEqual([]);
      for (const mount of [
        './deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
        './deploy/prometheus/rules.yml:/etc/prometheus/rules.yml:ro',
        './deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro',
        './deploy/grafana/provisioning:/etc/grafana/provisioning:ro',
      ])
        expect(compose()).toContain(`- ${mount}\n`);
    });

    it('runs Prometheus, Alertmanager and Grafana under the observability profile, sharing METRICS_TOKEN', () => {
      for (const service of ['prometheus', 'alertmanager', 'grafana'])
        expect(compose()).toMatch(new RegExp(`\\n  ${service}:\\n    profiles: \\['observability'\\]\\n`));
      // The monitor checks the token, Prometheus writes it where prometheus.yml reads it.
      expect(compose().match(/METRICS_TOKEN: \$\{METRICS_TOKEN:-\}\n/g)).toHaveLength(2);
      expect(compose()).toContain(`printf '%s' "$$METRICS_TOKEN" > ${TOKEN_FILE}`);
    });
  });
});
