import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardExpressions, promtool, RULES_YML, substituteVariables } from '../deploy/deploy-kit';
import { findBinary } from '../tools/find-binary';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { freePort, sleep, stopProcess, switchableTarget } from './processes';

const METRICS_TOKEN = randomBytes(24).toString('hex');
/** prom-client's default gauges named `_total`: the only findings `promtool check metrics` may have (STACK.md). */
const PROM_CLIENT_EXEMPT = /^nodejs_active_(handles|requests|resources)_total\b/;

interface QueryAnswer {
  status: string;
  error?: string;
  data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

/** `promtool check metrics` reading the scrape on stdin: what it flags, one finding a line. */
function checkMetrics(scrape: string): Promise<{ code: number | null; findings: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(promtool(), ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, findings: output.split('\n').filter((line) => line.trim().length > 0) }),
    );
    child.stdin.end(scrape);
  });
}

/**
 * A real Prometheus (Debian's 2.42) on a free loopback port scraping the monitor every second with the token, and
 * evaluating deploy/prometheus/rules.yml: what a team's own Prometheus would see.
 */
describe('a real Prometheus scraping the monitor', () => {
  let dir: string;
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;
  let prometheus: ChildProcess;
  let prometheusUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ihm-prometheus-'));
    target = await switchableTarget(200);
    monitor = await startMonitor({ METRICS_TOKEN });
    for (const [name, status] of [
      ['Orders API', 200],
      ['Billing API', 500],
    ] as const) {
      target.answer(status);
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name, url: `${target.url}/${status}`, paused: true },
      });
      const { id } = (await res.json()) as { id: string };
      expect((await monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' })).status).toBe(200);
    }
    await writeFile(join(dir, 'token'), METRICS_TOKEN);
    await writeFile(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: ['${RULES_YML}']`,
        'scrape_configs:',
        '  - job_name: integration-health-monitor',
        `    authorization: { credentials_file: '${join(dir, 'token')}' }`,
        `    static_configs: [{ targets: ['${new URL(monitor.baseUrl).host}'] }]`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      findBinary('PROMETHEUS_BIN', ['prometheus'], 'prometheus'),
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
  }, 60_000);
  afterAll(async () => {
    if (prometheus) await stopProcess(prometheus);
    await monitor.close();
    await new Promise((resolve) => target.server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const query = async (promql: string): Promise<QueryAnswer> => {
    const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    return (await res.json()) as QueryAnswer;
  };
  /** Polls until the query answers at least one series; the last answer. */
  const until = async (promql: string, ms = 30_000): Promise<QueryAnswer> => {
    let answer: QueryAnswer = { status: 'not asked' };
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(500)) {
      answer = await query(promql).catch((error: Error) => ({ status: 'unreachable', error: error.message }));
      if ((answer.data?.result.length ?? 0) > 0) return answer;
    }
    return answer;
  };

  it('finds nothing wrong with a live scrape but prom-client’s own _total gauges', async () => {
    const res = await fetch(`${monitor.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const { findings } = await checkMetrics(await res.text());
    expect(findings.filter((line) => !PROM_CLIENT_EXEMPT.test(line))).toEqual([]);
    // It read the whole scrape: prom-client's three are found, so a clean rest means something.
    expect(findings.filter((line) => PROM_CLIENT_EXEMPT.test(line))).toHaveLength(3);
  });

  it('scrapes with the token: integration_up per integration, and the recording rules evaluate', async () => {
    const up = await until('integration_up');
    const byName = Object.fromEntries(up.data!.result.map((r) => [r.metric.integration, r.value[1]]));
    expect(byName).toEqual({ 'Orders API': '1', 'Billing API': '0' });
    expect(up.data!.result[0]!.metric.job).toBe('integration-health-monitor');

    const byStatus = await until('status:integration_probe_status:sum');
    expect(Object.fromEntries(byStatus.data!.result.map((r) => [r.metric.status, r.value[1]]))).toMatchObject(
      {
        up: '1',
        down: '1',
      },
    );
  }, 60_000);

  it('answers every PromQL expression of the Grafana dashboard, most with data', async () => {
    const expressions = dashboardExpressions();
    const answers = await Promise.all(
      expressions.map(async ({ name, expr }) => ({
        name,
        answer: await query(substituteVariables(expr, 'Billing API')),
      })),
    );
    expect(answers.filter(({ answer }) => answer.status !== 'success')).toEqual([]);
    const empty = answers
      .filter(({ answer }) => (answer.data?.result.length ?? 0) === 0)
      .map(({ name }) => name);
    // Empty answers are allowed only where this monitor has nothing to show yet: no rate over 5 minutes of
    // a one-minute-old Prometheus, no certificate on plain HTTP, no token, no rate limit, nothing queued.
    expect(empty.length).toBeLessThan(expressions.length / 2);
  });
});
