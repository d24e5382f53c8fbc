import { DEMO_RECEIVER_SECRET } from '@ihm/sandbox';
import { parseEnv } from './env.schema';

describe(parseEnv.name, () => {
  it('applies the documented defaults', () => {
    expect(parseEnv({})).toEqual({
      databaseUrl: undefined,
      dataDir: './.data',
      host: '127.0.0.1',
      port: 4000,
      embeddedPostgresPort: 54320,
      apiToken: undefined,
      metricsToken: undefined,
      // Demo mode (the default without DATABASE_URL) probes its sandbox on loopback.
      outbound: { allowPrivate: true, allowedCidrs: [] },
      metricsTagLabels: [],
      adminPassword: undefined,
      sessionTtlHours: 12,
      webhookBaseUrl: 'http://127.0.0.1:4000',
      webhookMaxBodyBytes: 1_048_576,
      webhookRateLimit: 200,
      encryptionKey: undefined,
      decryptionKeys: [],
      demo: true,
      configFile: null,
      sandboxUrl: 'http://127.0.0.1:4010',
      // The sandbox's own default: demo mode signs with what the sandbox's receiver verifies with.
      sandboxReceiverSecret: DEMO_RECEIVER_SECRET,
      dashboardUrl: 'http://127.0.0.1:3000',
      logLevel: 'log',
      logFormat: 'json',
      role: 'all',
      probeConcurrency: null,
      schedulerLeaseSeconds: 30,
      probeThreads: null,
      resultBufferLimit: 50_000,
      resultsRetentionDays: 7,
      rollupRetentionDays: 31,
      successResultsRetentionHours: 3,
      alertGroupWaitSeconds: 30,
      alertSendTimeoutMs: 10_000,
      alertRetentionDays: 90,
    });
  });

  it.each([
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/x' }, { demo: false }],
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/x', DEMO: '1' }, { demo: true }],
    [{ DEMO: '0' }, { demo: false }],
    [{ SANDBOX_PORT: '5000' }, { sandboxUrl: 'http://127.0.0.1:5000' }],
    [{ DASHBOARD_PORT: '3100' }, { dashboardUrl: 'http://127.0.0.1:3100' }],
    [
      { SANDBOX_RECEIVER_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
      { sandboxReceiverSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
    ],
    [{ DASHBOARD_URL: 'https://monitor.example.com' }, { dashboardUrl: 'https://monitor.example.com' }],
    [
      { ADMIN_PASSWORD: 'correct horse', SESSION_TTL_HOURS: '720' },
      { adminPassword: 'correct horse', sessionTtlHours: 720 },
    ],
    [{ ALERT_GROUP_WAIT_SECONDS: '0' }, { alertGroupWaitSeconds: 0 }],
    [{ METRICS_TAG_LABELS: 'team, env,team' }, { metricsTagLabels: ['team', 'env'] }],
    [{ ALERT_SEND_TIMEOUT_SECONDS: '2' }, { alertSendTimeoutMs: 2000 }],
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/x' }, { outbound: { allowPrivate: false, allowedCidrs: [] } }],
    [
      { DATABASE_URL: 'postgresql://u:p@db:5432/x', ALLOW_PRIVATE_TARGETS: 'true' },
      { outbound: { allowPrivate: true } },
    ],
    [{ DEMO: '1', ALLOW_PRIVATE_TARGETS: 'false' }, { outbound: { allowPrivate: false } }],
    [
      { MONITOR_PORT: '4100', DATABASE_URL: '' },
      { port: 4100, databaseUrl: undefined },
    ],
    [{ LOG_FORMAT: 'pretty' }, { logFormat: 'pretty' }],
  ])('%j gives %j', (env, expected) => {
    expect(parseEnv(env)).toMatchObject(expected);
  });

  it.each([
    ['team-name', /METRICS_TAG_LABELS\.0: must be label names/],
    ['integration', /METRICS_TAG_LABELS\.0: must not name a label the monitor sets/],
    ['__name', /METRICS_TAG_LABELS\.0: must not name a label the monitor sets/],
    ['a,b,c,d,e,f,g,h,i,j,k', /METRICS_TAG_LABELS: must name at most 10 tag keys/],
  ])('refuses METRICS_TAG_LABELS=%s', (value, message) => {
    expect(() => parseEnv({ METRICS_TAG_LABELS: value })).toThrow(message);
  });

  it('refuses a LOG_FORMAT other than json or pretty', () => {
    expect(() => parseEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: must be json or pretty/);
  });

  it('reads ALLOWED_TARGET_CIDRS as a list and names an entry that is not a network', () => {
    const { outbound } = parseEnv({ ALLOWED_TARGET_CIDRS: '10.20.0.0/16, fd12::/48,192.168.1.7' });
    expect(outbound.allowedCidrs.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual([
      '10.20.0.0/16',
      'fd12::/48',
      '192.168.1.7/32',
    ]);
    expect(() => parseEnv({ ALLOWED_TARGET_CIDRS: '10.0.0.0/8,intranet' })).toThrow(
      /ALLOWED_TARGET_CIDRS: "intranet" is not an IP address or CIDR/,
    );
  });

  it('lists every bad variable by name in one error, without echoing secret values', () => {
    const attempt = () =>
      parseEnv({
        MONITOR_PORT: 'abc',
        DATABASE_URL: 'mysql://secret@x',
        API_TOKEN: 'short-secret',
        ADMIN_PASSWORD: 'hunter2',
        SESSION_TTL_HOURS: '721',
        SANDBOX_RECEIVER_SECRET: 'plain-secret',
      });
    expect(attempt).toThrow(/MONITOR_PORT/);
    expect(attempt).toThrow(/DATABASE_URL: must start with postgresql/);
    expect(attempt).toThrow(/API_TOKEN: must be at least 16 characters/);
    expect(attempt).toThrow(/ADMIN_PASSWORD: must be at least 8 characters/);
    expect(attempt).toThrow(/SESSION_TTL_HOURS/);
    expect(attempt).toThrow(/SANDBOX_RECEIVER_SECRET: must be whsec_ followed by base64/);
    expect(attempt).not.toThrow(/short-secret|mysql:\/\/secret|hunter2|plain-secret/);
  });
});
