import {
  checkJsonSchema,
  configFileJsonSchema,
  type AlertRule,
  type Channel,
  type Integration,
  type IntegrationList,
  type Silence,
} from '@ihm/contracts';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ConfigExportService } from '../../src/config-as-code/config-export.service';
import { ConfigFileService } from '../../src/config-as-code/config-file.service';
import { describePlan } from '../../src/config-as-code/config-plan';
import { ConfigFileError } from '../../src/config-as-code/config-problem';
import { IntegrationService } from '../../src/integrations/integration.service';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { freePort, spawnMonitor, stopProcess } from './processes';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'config.js');
const DEPLOY_CONFIG = join(__dirname, '..', '..', '..', '..', 'deploy', 'config');

const FILE = `
integrations:
  - name: Payments API
    url: https://payments.example.com/v1/health
    auth: { type: bearer, token: "\${PAYMENTS_TOKEN}" }
    intervalSeconds: 60
    tags: [payments]
  - kind: webhook
    name: GitHub pushes
    webhook:
      scheme: github
      secret: \${GITHUB_WEBHOOK_SECRET}
channels:
  - name: Ops webhook
    type: webhook
    config:
      url: https://hooks.example.com/ihm
      secret: \${OPS_WEBHOOK_SECRET}
alertRules:
  - name: Payments down
    condition: { type: consecutiveFailures, count: 2 }
    scope: { integrations: [Payments API] }
    channels: [Ops webhook]
silences:
  - comment: Payments provider maintenance
    startsAt: 2030-01-05T01:00:00Z
    endsAt: 2030-01-05T03:00:00Z
    scope: { tags: [payments] }
`;

const ENV = {
  PAYMENTS_TOKEN: 'pay_live_0123456789',
  GITHUB_WEBHOOK_SECRET: 'gh-secret-0123456789',
  OPS_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
};

describe('config as code (integrations.yaml against a real PostgreSQL)', () => {
  let monitor: RunningMonitor;
  let service: ConfigFileService;
  const source = (text: string, env: Record<string, string> = ENV) => ({
    file: '/etc/ihm/integrations.yaml',
    text,
    env,
  });
  const json = async <T>(path: string) => (await (await monitor.call(path)).json()) as T;
  const integrationNamed = async (name: string) =>
    (await json<IntegrationList>('/api/integrations')).items.find((i) => i.name === name);

  beforeEach(async () => {
    monitor = await startMonitor();
    service = monitor.app.get(ConfigFileService);
  });
  afterEach(() => monitor.close());

  it('plans the exact changes, applies them in one go, and a second apply changes nothing', async () => {
    expect(describePlan(await service.plan(source(FILE)))).toBe(
      [
        'integrations.yaml: 5 to create, 0 to change, 0 to delete, 0 unchanged',
        '',
        '+ integration "Payments API" (GET https://payments.example.com/v1/health)',
        '+ integration "GitHub pushes" (webhook, github)',
        '+ channel "Ops webhook" (webhook)',
        '+ alert rule "Payments down" (consecutiveFailures → Ops webhook)',
        '+ silence "Payments provider maintenance" (2030-01-05T01:00:00.000Z to 2030-01-05T03:00:00.000Z)',
      ].join('\n'),
    );
    expect(await integrationNamed('Payments API')).toBeUndefined();

    await service.apply(source(FILE));
    const payments = (await integrationNamed('Payments API')) as Integration & { kind: 'http' };
    expect(payments).toMatchObject({
      managedBy: 'integrations.yaml',
      intervalSeconds: 60,
      auth: { type: 'bearer', token: '********' },
    });
    const channel = (await json<{ items: Channel[] }>('/api/channels')).items.find(
      (c) => c.name === 'Ops webhook',
    )!;
    expect(channel).toMatchObject({ managedBy: 'integrations.yaml', config: { secret: '********' } });
    const rule = (await json<{ items: AlertRule[] }>('/api/alert-rules')).items.find(
      (r) => r.name === 'Payments down',
    )!;
    expect(rule).toMatchObject({
      managedBy: 'integrations.yaml',
      channelIds: [channel.id],
      scope: { integrationIds: [payments.id] },
      minSeverity: 'down',
      renotifyMinutes: 240,
    });
    const [silence] = (await json<{ items: Silence[] }>('/api/silences')).items;
    expect(silence).toMatchObject({
      comment: 'Payments provider maintenance',
      managedBy: 'integrations.yaml',
    });
    // The secret reached the probe's definition from the environment, sealed at rest.
    const definition = await monitor.app.get(IntegrationService).getDefinition(payments.id);
    expect(definition).toMatchObject({ auth: { token: ENV.PAYMENTS_TOKEN } });

    const again = await service.apply(source(FILE));
    expect(describePlan(again)).toBe('integrations.yaml: 0 to create, 0 to change, 0 to delete, 5 unchanged');
    expect((await integrationNamed('Payments API'))!.updatedAt).toBe(payments.updatedAt);
  });

  it('plans a change field by field (secrets only as changed) and deletes what the file no longer lists', async () => {
    await service.apply(source(FILE));
    const changed = FILE.replace('intervalSeconds: 60', 'intervalSeconds: 30')
      .replace('tags: [payments]', 'tags: [payments, tier-1]')
      .replace(/alertRules:[\s\S]*?silences:/, 'silences:');
    const plan = await service.plan(source(changed, { ...ENV, PAYMENTS_TOKEN: 'pay_live_rotated' }));
    expect(describePlan(plan)).toBe(
      [
        'integrations.yaml: 0 to create, 1 to change, 1 to delete, 3 unchanged',
        '',
        '~ integration "Payments API"',
        '    tags: ["payments"] → ["payments","tier-1"]',
        '    intervalSeconds: 60 → 30',
        '    auth.token: secret changed',
        '- alert rule "Payments down"',
      ].join('\n'),
    );
    expect(describePlan(plan)).not.toContain('pay_live');

    await service.apply(source(changed, { ...ENV, PAYMENTS_TOKEN: 'pay_live_rotated' }));
    expect(await integrationNamed('Payments API')).toMatchObject({ intervalSeconds: 30 });
    const rules = (await json<{ items: AlertRule[] }>('/api/alert-rules')).items.map((r) => r.name);
    expect(rules).not.toContain('Payments down');
    // The rule the install started with was made outside the file: the file leaves it alone.
    expect(rules).toContain('Default: 3 consecutive failures');
  });

  it('refuses edits through the API to what the file manages, naming the file; what the API made stays editable', async () => {
    await service.apply(source(FILE));
    const payments = (await integrationNamed('Payments API'))!;
    const refused = await monitor.call(`/api/integrations/${payments.id}`, {
      method: 'PATCH',
      json: { intervalSeconds: 300 },
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'The integration "Payments API" is managed by the config file integrations.yaml: change it there and apply the file (npm run config -- apply integrations.yaml)',
    );
    expect((await monitor.call(`/api/integrations/${payments.id}`, { method: 'DELETE' })).status).toBe(409);
    const channel = (await json<{ items: Channel[] }>('/api/channels')).items.find((c) => c.managedBy)!;
    const putChannel = await monitor.call(`/api/channels/${channel.id}`, {
      method: 'PUT',
      json: { name: channel.name, type: 'webhook', config: { url: 'https://elsewhere.example.com/' } },
    });
    expect(putChannel.status).toBe(409);
    const rule = (await json<{ items: AlertRule[] }>('/api/alert-rules')).items.find((r) => r.managedBy)!;
    expect(
      (await monitor.call(`/api/alert-rules/${rule.id}`, { method: 'PATCH', json: { renotifyMinutes: 60 } }))
        .status,
    ).toBe(409);
    const [silence] = (await json<{ items: Silence[] }>('/api/silences')).items;
    expect((await monitor.call(`/api/silences/${silence!.id}`, { method: 'DELETE' })).status).toBe(409);
    expect(await integrationNamed('Payments API')).toMatchObject({ intervalSeconds: 60 });

    const own = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: 'Made in the dashboard', url: 'https://api.example.com/' },
    });
    const made = (await own.json()) as Integration;
    expect(made.managedBy).toBeNull();
    const edited = await monitor.call(`/api/integrations/${made.id}`, {
      method: 'PATCH',
      json: { intervalSeconds: 300 },
    });
    expect(edited.status).toBe(200);
  });

  it('takes over an object the API made when the file names it', async () => {
    await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: 'Payments API', url: 'https://payments.example.com/v1/health', intervalSeconds: 120 },
    });
    const plan = describePlan(await service.plan(source(FILE)));
    expect(plan).toContain(
      [
        '~ integration "Payments API" (made in the API: managed by integrations.yaml from now on)',
        '    tags: [] → ["payments"]',
        '    auth.type: "none" → "bearer"',
        '    intervalSeconds: 120 → 60',
        '    auth.token: (none) → "********"',
        '    auth.token: secret changed',
      ].join('\n'),
    );
    await service.apply(source(FILE));
    expect(await integrationNamed('Payments API')).toMatchObject({ managedBy: 'integrations.yaml' });
  });

  it('refuses a secret written literally, and writes nothing', async () => {
    const literal = FILE.replace('"${PAYMENTS_TOKEN}"', 'pay_live_0123456789');
    const error = await service.apply(source(literal)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).message).toBe(
      '/etc/ihm/integrations.yaml:5:34: integrations[0].auth.token: is a secret: write it as a reference to an environment variable (${API_TOKEN}, or Bearer ${API_TOKEN}), never literally',
    );
    expect((error as ConfigFileError).message).not.toContain('pay_live_0123456789');
    expect(await integrationNamed('Payments API')).toBeUndefined();
    expect((await json<{ items: Channel[] }>('/api/channels')).items).toEqual([]);
  });

  it('names the file, line and field of every problem', async () => {
    const messages = async (text: string, env: Record<string, string> = ENV) =>
      ((await service.plan(source(text, env)).catch((e: unknown) => e)) as ConfigFileError).problems.map(
        (p) => `${p.line}:${p.column} ${p.field}: ${p.message}`,
      );
    expect(
      await messages(
        FILE.replace('intervalSeconds: 60', 'intervalSeconds: 5\n    colour: blue').replace(
          'type: webhook\n',
          'type: carrier-pigeon\n',
        ),
      ),
    ).toEqual([
      '6:22 integrations[0].intervalSeconds: intervalSeconds must be at least 10',
      '7:13 integrations[0].colour: is not a known field',
      '3:5 integrations[0].timeoutMs: timeoutMs must not exceed the interval (5000 ms)',
      '16:11 channels[0].type: type must be one of: webhook, slack, email, alertmanager, pagerduty',
    ]);
    expect(await messages(FILE, { PAYMENTS_TOKEN: 'x', OPS_WEBHOOK_SECRET: ENV.OPS_WEBHOOK_SECRET })).toEqual(
      ['12:15 integrations[1].webhook.secret: the environment variable GITHUB_WEBHOOK_SECRET is not set'],
    );
    expect(
      await messages(
        FILE.replace('channels: [Ops webhook]', 'channels: [Ops webhook, Pager]').replace(
          'https://payments.example.com/v1/health',
          'http://169.254.169.254/latest/meta-data',
        ),
      ),
    ).toEqual([
      '4:10 integrations[0].url: refused by the outbound guard: 169.254.169.254 is a cloud metadata address; refused unless ALLOWED_TARGET_CIDRS names it (169.254.169.254/32)',
      '23:29 alertRules[0].channels[1]: no channel is named "Pager"',
    ]);
    expect(await messages('integrations:\n  - name: a\n    name: b\n')).toEqual([
      '3:5 : Map keys must be unique',
    ]);

    await service.apply(source(FILE));
    const retyped = FILE.replace('  - name: Payments API', '  - name: Elsewhere').replace(
      'name: GitHub pushes',
      'name: Payments API',
    );
    expect(await messages(retyped)).toEqual([
      '8:11 integrations[1].kind: is webhook, but the stored "Payments API" is http: an integration\'s kind never changes; give the new one another name',
    ]);
  });

  it('exports what is stored so that applying the export changes nothing but who manages it', async () => {
    await monitor.call('/api/integrations', {
      method: 'POST',
      json: {
        name: 'Search API',
        url: 'https://search.example.com/v2/ping?api_key=search-key-123',
        headers: { 'X-Client': 'ihm' },
        auth: { type: 'basic', username: 'monitor', password: 'hunter2-search' },
      },
    });
    const exported = await monitor.app.get(ConfigExportService).export();
    expect(exported.variables).toEqual(['SEARCH_API_AUTH_PASSWORD', 'SEARCH_API_API_KEY']);
    expect(exported.text).toContain('url: https://search.example.com/v2/ping?api_key=${SEARCH_API_API_KEY}');
    expect(exported.text).not.toContain('hunter2-search');
    expect(exported.text).not.toContain('search-key-123');

    const env = { SEARCH_API_AUTH_PASSWORD: 'hunter2-search', SEARCH_API_API_KEY: 'search-key-123' };
    const plan = await service.plan(source(exported.text, env));
    expect(plan.changes.map((c) => [c.action, c.name, c.action === 'update' && c.changes])).toEqual([
      ['update', 'Search API', []],
      ['update', 'Default: 3 consecutive failures', []],
    ]);
    await service.apply(source(exported.text, env));
    expect(describePlan(await service.plan(source(exported.text, env)))).toBe(
      'integrations.yaml: 0 to create, 0 to change, 0 to delete, 2 unchanged',
    );
  });

  it('publishes the JSON Schema editors read, which the example file in deploy/ passes, as it passes a plan', async () => {
    const published = JSON.parse(
      await readFile(join(DEPLOY_CONFIG, 'integrations.schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    // Regenerate with: npm run config -- schema deploy/config/integrations.schema.json
    expect(published).toEqual(configFileJsonSchema());
    const example = await readFile(join(DEPLOY_CONFIG, 'integrations.example.yaml'), 'utf8');
    expect(checkJsonSchema(published, parse(example))).toEqual([]);
    expect(
      checkJsonSchema(published, { integrations: [{ name: 'x', url: 'https://a', colour: 'blue' }] }),
    ).not.toEqual([]);
    const env = {
      GITHUB_TOKEN: 'ghp_x',
      STRIPE_SECRET_KEY: 'sk_test_x',
      SHOPIFY_WEBHOOK_SECRET: 'shpss_x',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x',
      PAGERDUTY_ROUTING_KEY: '0123456789abcdef0123456789abcdef',
    };
    const plan = await service.plan({ file: 'integrations.example.yaml', text: example, env });
    expect(plan.changes.map((c) => `${c.action} ${c.type} ${c.name}`)).toEqual([
      'create integration GitHub REST API',
      'create integration Stripe balance',
      'create integration Shopify orders',
      'create channel Platform Slack',
      'create channel Payments on call',
      'create alert rule Tier 1 down',
      'create alert rule GitHub budget low',
      'create alert rule Certificates and tokens expiring',
      "create silence Stripe's announced maintenance window",
      'create silence Weekly deploys of the commerce stack',
    ]);
  });

  it('runs as `npm run config` and as CONFIG_FILE at start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ihm-config-'));
    try {
      const path = join(dir, 'integrations.yaml');
      await writeFile(path, FILE);
      const key = randomBytes(32).toString('hex');
      const env = {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: monitor.db.connectionString,
        ENCRYPTION_KEY: key,
        DATA_DIR: dir,
        ...ENV,
      };
      const planned = await run(process.execPath, [CLI, 'plan', path], { env });
      expect(planned.stdout).toContain(
        'integrations.yaml: 5 to create, 0 to change, 0 to delete, 0 unchanged',
      );
      const literal = join(dir, 'literal.yaml');
      await writeFile(literal, FILE.replace('${OPS_WEBHOOK_SECRET}', ENV.OPS_WEBHOOK_SECRET));
      const refused = await run(process.execPath, [CLI, 'apply', literal], { env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain(
        `${literal}:18:15: channels[0].config.secret: is a secret`,
      );
      await run(process.execPath, [CLI, 'schema', join(dir, 'schema.json')], { env });
      const schema = JSON.parse(await readFile(join(dir, 'schema.json'), 'utf8')) as { properties: object };
      expect(Object.keys(schema.properties)).toEqual([
        '$schema',
        'integrations',
        'channels',
        'alertRules',
        'silences',
      ]);

      const port = await freePort();
      const started = spawnMonitor({
        ...env,
        CONFIG_FILE: path,
        MONITOR_PORT: String(port),
        DEMO: '0',
        ROLE: 'api',
      });
      try {
        await waitFor(
          async () => (await integrationNamed('Payments API'))?.managedBy === 'integrations.yaml',
        );
      } finally {
        await stopProcess(started);
      }
      const broken = spawnMonitor({ ...env, CONFIG_FILE: literal, MONITOR_PORT: String(port), DEMO: '0' });
      const code = await new Promise<number | null>((resolve) => broken.once('exit', resolve));
      expect(code).toBe(1);
      expect(broken.output.join('')).toContain(
        `monitor: ${literal}:18:15: channels[0].config.secret: is a secret`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
