import { createTestDatabase, type TestDatabase } from '@ihm/db/testing';
import { createHmac, createPrivateKey, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Client } from 'pg';
import { mailHeader, mailPart, SmtpReceiver } from '../receivers/smtp-receiver';
import { WebhookReceiver } from '../receivers/webhook-receiver';
import { freePort, sleep, spawnMonitor, stopProcess } from './processes';

/**
 * The leak test: one full cycle on the built monitor (`node dist/main.js`, most verbose logging) — integrations
 * with every kind of credential, probed against a target that echoes everything it gets, failing, alerting on
 * every kind of channel — then every place the monitor writes to is searched for every secret it was given or
 * obtained: its log output, every API answer, the stored rows (each text and JSON column of every table) and
 * what the channels' receivers got. Each secret is found nowhere, in none of the forms it travels in.
 */

/** Part of every secret (and of the encryption key): a fragment of one, cut short, is still found. */
const RUN = randomBytes(5).toString('hex');
const secret = (purpose: string) => `LEAK-${purpose}-${RUN}${randomBytes(8).toString('hex')}`;

const S = {
  apiKeyHeader: secret('apikey-header'),
  apiKeyQuery: secret('apikey-query'),
  bearer: secret('bearer'),
  basicPassword: secret('basic-password'),
  oauthBasic: secret('oauth-basic'),
  oauthPost: secret('oauth-post'),
  oauthBasicRefused: secret('oauth-basic-refused'),
  accessToken: secret('access-token'),
  customHeader: secret('x-api-token'),
  urlQuery: secret('url-api-key'),
  jsonBody: secret('json-body'),
  formBody: secret('form-body'),
  slackToken: secret('slack'),
  smtpPassword: secret('smtp'),
  pagerDutyKey: `LEAKpd${RUN}${randomBytes(8).toString('hex')}`,
  webhookKey: `LEAK-whsec-${RUN}${randomBytes(8).toString('hex')}`,
  apiToken: secret('api-token'),
  metricsToken: secret('metrics-token'),
  adminPassword: secret('admin-password'),
  clientKeyPassphrase: secret('client-key-passphrase'),
  signingSecret: secret('signing'),
  receiverSecret: secret('receiver'),
  encryptionKey: `${RUN}${randomBytes(27).toString('hex')}`,
};
const WEBHOOK_SECRET = `whsec_${Buffer.from(S.webhookKey).toString('base64')}`;
const TLS_FIXTURES = join(__dirname, '..', '..', '..', '..', 'libs', 'probe', 'test', 'fixtures', 'tls');
const tlsFixture = (name: string) => readFileSync(join(TLS_FIXTURES, name), 'utf8');
/** The test client's key, encrypted under this run's passphrase: the monitor holds the PEM and the passphrase. */
const CLIENT_KEY = createPrivateKey(tlsFixture('client.key'))
  .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: S.clientKeyPassphrase })
  .toString();
const BASIC_USER = 'leak-basic-user';
const OAUTH_CLIENT = { basic: 'leak-client-basic', post: 'leak-client-post', refused: 'leak-client-refused' };

const base64 = (text: string) => Buffer.from(text).toString('base64');
const basicOf = (user: string, password: string) => base64(`${user}:${password}`);
/** How client_secret_basic encodes the pair (RFC 6749 §2.3.1): each half form-encoded first. */
const oauthBasicOf = (id: string, clientSecret: string) =>
  basicOf(encodeURIComponent(id), encodeURIComponent(clientSecret));

/** Each secret under its name, with the forms it travels in beside the raw, URL-encoded and base64 ones. */
const SECRETS: { name: string; value: string; alsoAs?: string[] }[] = [
  ...Object.entries(S).map(([name, value]) => ({ name, value })),
  { name: 'basicPassword (in user:password)', value: basicOf(BASIC_USER, S.basicPassword) },
  {
    name: 'oauthBasic (in client_secret_basic)',
    value: oauthBasicOf(OAUTH_CLIENT.basic, S.oauthBasic),
  },
  {
    name: 'oauthBasicRefused (in client_secret_basic)',
    value: oauthBasicOf(OAUTH_CLIENT.refused, S.oauthBasicRefused),
  },
  {
    name: 'webhook secret',
    value: WEBHOOK_SECRET,
    alsoAs: [WEBHOOK_SECRET.slice('whsec_'.length), WEBHOOK_SECRET.slice('whsec_'.length).replace(/=+$/, '')],
  },
  { name: 'encryptionKey (as base64)', value: Buffer.from(S.encryptionKey, 'hex').toString('base64') },
  // Any line of the key's PEM body is enough to find it, whole or in part.
  ...CLIENT_KEY.split('\n')
    .filter((line) => line.length === 64)
    .map((line, index) => ({ name: `the client certificate's key (PEM line ${index + 2})`, value: line })),
  { name: 'a fragment of any secret', value: RUN },
];

function formsOf({ value, alsoAs = [] }: (typeof SECRETS)[number]): string[] {
  return [
    ...new Set([
      value,
      encodeURIComponent(value),
      new URLSearchParams({ s: value }).toString().slice(2),
      base64(value),
      base64(value).replace(/=+$/, ''),
      ...alsoAs,
    ]),
  ];
}

/** A place the monitor wrote to, and what it holds there. */
interface Haystack {
  where: string;
  text: string;
}

/** Every secret found in every haystack, as lines naming the secret, the form, the place and the context. */
function findings(haystacks: Haystack[]): string[] {
  const found: string[] = [];
  for (const haystack of haystacks) {
    const here: string[] = [];
    for (const candidate of SECRETS) {
      // A fragment is worth reporting only where no whole secret was found.
      if (candidate.value === RUN && here.length > 0) continue;
      for (const form of formsOf(candidate)) {
        const at = haystack.text.indexOf(form);
        if (at < 0) continue;
        const context = haystack.text.slice(Math.max(0, at - 80), at + form.length + 80);
        here.push(`${candidate.name} (as ${JSON.stringify(form)}) in ${haystack.where}: …${context}…`);
        break;
      }
    }
    found.push(...here);
  }
  return found;
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Over TLS: the subject of the client certificate presented, if any. */
  clientCertificate: string | null;
}

type Answer = { status: number; headers?: Record<string, string>; body: string };

/** A loopback HTTP server (HTTPS with `tls`) that records every request and answers as `answer` says. */
async function recordingServer(
  answer: (request: Received) => Answer,
  tls?: ServerOptions,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        clientCertificate: tls
          ? String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? '') || null
          : null,
      };
      received.push(request);
      const { status, headers = {}, body } = answer(request);
      res.writeHead(status, headers).end(body);
    });
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // The HTTPS target's certificate is for localhost, from the test CA the monitor is told to trust.
  return { url: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`, received, server };
}

/** Everything a request carried, as one line. */
const quoted = (request: Received) =>
  `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${request.body}`;

/**
 * The hostile target: every request is answered 401 with all of it echoed back, in the body and in headers; its
 * token endpoints hand out an access token, or refuse the client quoting the credentials they got.
 */
function hostileAnswer(request: Received): Answer {
  const path = request.url.split('?')[0];
  if (path === '/oauth/token') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: S.accessToken, token_type: 'Bearer', expires_in: 3600 }),
    };
  }
  if (path === '/oauth/refuse-json') {
    return {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        error: 'invalid_client',
        error_description: `unknown client: ${quoted(request)}`,
      }),
    };
  }
  if (path === '/oauth/refuse-text') {
    return {
      status: 400,
      headers: { 'content-type': 'text/plain' },
      body: `bad client ${request.headers.authorization ?? ''} ${request.body}`,
    };
  }
  const echoed = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      `x-echo-${name}`,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
  return {
    status: 401,
    headers: {
      ...echoed,
      'content-type': 'application/json',
      'x-echo-url': request.url,
      'x-echo-body': request.body,
      'www-authenticate': `Bearer realm="leak", error="invalid_token", error_description="${request.headers.authorization ?? ''}"`,
    },
    body: JSON.stringify({ error: 'invalid credentials', message: 'Unauthorized', received: request }),
  };
}

describe('secret leak: a full cycle leaves no secret anywhere', () => {
  let db: TestDatabase;
  let dataDir: string;
  let target: Awaited<ReturnType<typeof recordingServer>>;
  let mtlsTarget: Awaited<ReturnType<typeof recordingServer>>;
  let slack: Awaited<ReturnType<typeof recordingServer>>;
  let pagerDuty: Awaited<ReturnType<typeof recordingServer>>;
  let webhook: WebhookReceiver;
  let smtp: SmtpReceiver;
  let monitor: ReturnType<typeof spawnMonitor>;
  let api: string;
  const haystacks: Haystack[] = [];
  const integrations = new Map<string, string>();
  const channels = new Map<string, string>();
  const results = new Map<string, { category: string | null; status: string }[]>();

  /** A call to the monitor's API; its answer (body and headers) is a haystack. */
  async function call(
    path: string,
    {
      method = 'GET',
      json,
      token = S.apiToken,
    }: { method?: string; json?: unknown; token?: string | null } = {},
  ): Promise<{ status: number; body: unknown }> {
    const res = await fetch(api + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await res.text();
    haystacks.push({
      where: `the answer to ${method} ${path} (${res.status})`,
      text: `${JSON.stringify([...res.headers])}\n${text}`,
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* text (metrics) */
    }
    return { status: res.status, body };
  }

  async function created(path: string, json: unknown): Promise<string> {
    const res = await call(path, { method: 'POST', json });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  }

  /** Waits for `done`; on time-out, fails naming what it waited for, with the monitor's output so far. */
  async function until(what: string, done: () => Promise<boolean> | boolean, ms: number): Promise<void> {
    for (const deadline = Date.now() + ms; !(await done()); await sleep(250)) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting until ${what}; the monitor's output:\n${monitor.output.join('')}`);
      }
    }
  }

  async function databaseHaystacks(): Promise<{ haystacks: Haystack[]; columns: string[] }> {
    const client = new Client({ connectionString: db.connectionString });
    await client.connect();
    try {
      const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
        `SELECT c.table_name, c.column_name
           FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            -- A partition's rows are its parent's: read once, through the parent.
            AND NOT (SELECT relispartition FROM pg_class WHERE oid = format('%I.%I', c.table_schema, c.table_name)::regclass)
            AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'USER-DEFINED')
                 OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_json', '_jsonb')))
          ORDER BY c.table_name, c.column_name`,
      );
      const found: Haystack[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        const { rows } = await client.query<{ value: string }>(
          `SELECT ${JSON.stringify(column)}::text AS value FROM ${JSON.stringify(table)}
            WHERE ${JSON.stringify(column)} IS NOT NULL`,
        );
        rows.forEach(({ value }, index) =>
          found.push({ where: `the database, ${table}.${column} (row ${index + 1})`, text: value }),
        );
      }
      return { haystacks: found, columns: columns.map((c) => `${c.table_name}.${c.column_name}`) };
    } finally {
      await client.end();
    }
  }

  let databaseColumns: string[] = [];

  beforeAll(async () => {
    target = await recordingServer(hostileAnswer);
    // The same, over TLS, asking for a client certificate.
    mtlsTarget = await recordingServer(hostileAnswer, {
      key: tlsFixture('valid.key'),
      cert: tlsFixture('valid.pem'),
      ca: tlsFixture('client-ca.pem'),
      requestCert: true,
      rejectUnauthorized: true,
    });
    // A Slack look-alike that quotes the request it got (its URL, the secret, included) in its answer.
    slack = await recordingServer((request) => ({ status: 200, body: `ok: ${quoted(request)}` }));
    // PagerDuty answers 202; a careless proxy in front of it echoes the event, routing key included.
    pagerDuty = await recordingServer((request) => ({
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'success', message: 'Event processed', echo: request.body }),
    }));
    webhook = await WebhookReceiver.start({ secret: WEBHOOK_SECRET });
    smtp = await SmtpReceiver.start({ login: { username: 'leak-mailer', password: S.smtpPassword } });
    db = await createTestDatabase(process.env);
    dataDir = await mkdtemp(join(tmpdir(), 'ihm-leak-'));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    monitor = spawnMonitor({
      DATABASE_URL: db.connectionString,
      DATA_DIR: dataDir,
      MONITOR_PORT: String(port),
      DEMO: '0',
      ROLE: 'all',
      // The most verbose level: every line the monitor can write is searched.
      LOG_LEVEL: 'verbose',
      API_TOKEN: S.apiToken,
      METRICS_TOKEN: S.metricsToken,
      ADMIN_PASSWORD: S.adminPassword,
      ENCRYPTION_KEY: S.encryptionKey,
      ALERT_GROUP_WAIT_SECONDS: '0',
      DASHBOARD_URL: 'http://dash.test',
      NODE_EXTRA_CA_CERTS: join(TLS_FIXTURES, 'ca.pem'),
    });
    await until(
      'the monitor answers /health',
      () =>
        fetch(`${api}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      20_000,
    );

    // A person signs in with the admin password (only its hash is stored).
    const signIn = await call('/api/session', {
      method: 'POST',
      token: null,
      json: { password: S.adminPassword },
    });
    expect(signIn.status).toBe(201);

    channels.set(
      'webhook',
      await created('/api/channels', {
        name: 'Signed webhook',
        type: 'webhook',
        config: { url: webhook.url(), secret: WEBHOOK_SECRET },
      }),
    );
    channels.set(
      'slack',
      await created('/api/channels', {
        name: 'Slack',
        type: 'slack',
        config: { webhookUrl: `${slack.url}/services/T0LEAK/B0LEAK/${S.slackToken}` },
      }),
    );
    channels.set(
      'email',
      await created('/api/channels', {
        name: 'Email',
        type: 'email',
        config: {
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          username: 'leak-mailer',
          password: S.smtpPassword,
          from: 'monitor@example.test',
          to: ['oncall@example.test'],
        },
      }),
    );
    channels.set(
      'pagerduty',
      await created('/api/channels', {
        name: 'PagerDuty',
        type: 'pagerduty',
        config: { routingKey: S.pagerDutyKey, url: `${pagerDuty.url}/v2/enqueue` },
      }),
    );
    for (const id of channels.values()) await call(`/api/channels/${id}/test`, { method: 'POST' });
    await created('/api/alert-rules', {
      name: 'First failure',
      condition: { type: 'consecutiveFailures', count: 1 },
      channelIds: [...channels.values()],
    });

    const at = (path: string) => `${target.url}/t/${path}`;
    const definitions: Record<string, Record<string, unknown>> = {
      'apikey-header': {
        url: at('apikey-header'),
        auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: S.apiKeyHeader },
      },
      'apikey-query': {
        url: at('apikey-query?region=eu'),
        auth: { type: 'apiKey', in: 'query', name: 'apikey', value: S.apiKeyQuery },
      },
      bearer: { url: at('bearer'), auth: { type: 'bearer', token: S.bearer } },
      basic: {
        url: at('basic'),
        auth: { type: 'basic', username: BASIC_USER, password: S.basicPassword },
      },
      'oauth-basic': {
        url: at('oauth-basic'),
        auth: {
          type: 'oauth2ClientCredentials',
          tokenUrl: `${target.url}/oauth/token`,
          clientId: OAUTH_CLIENT.basic,
          clientSecret: S.oauthBasic,
          scope: 'read',
          clientAuthentication: 'client_secret_basic',
        },
      },
      'oauth-post': {
        url: at('oauth-post'),
        auth: {
          type: 'oauth2ClientCredentials',
          tokenUrl: `${target.url}/oauth/refuse-json`,
          clientId: OAUTH_CLIENT.post,
          clientSecret: S.oauthPost,
          clientAuthentication: 'client_secret_post',
        },
      },
      'oauth-basic-refused': {
        url: at('oauth-basic-refused'),
        auth: {
          type: 'oauth2ClientCredentials',
          tokenUrl: `${target.url}/oauth/refuse-text`,
          clientId: OAUTH_CLIENT.refused,
          clientSecret: S.oauthBasicRefused,
        },
      },
      'custom-header': {
        url: at('custom-header'),
        headers: { Accept: 'application/json', 'X-Api-Token': S.customHeader },
      },
      'url-query': { url: at(`url-query?city=Berlin&api_key=${S.urlQuery}`) },
      'json-body': {
        url: at('json-body'),
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"client_id":"me","client_secret":"${S.jsonBody}"}`,
      },
      'form-body': {
        url: at('form-body'),
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `user=me&password=${S.formBody}`,
      },
      // Signed as a GitHub delivery to the team's own endpoint (the target echoes the signature header back).
      signed: {
        url: at('signed'),
        method: 'POST',
        body: '{"zen":"Keep it logically awesome."}',
        signing: { scheme: 'github', secret: S.signingSecret },
      },
      mtls: {
        url: `${mtlsTarget.url}/t/mtls`,
        clientCertificate: {
          certificate: tlsFixture('client.pem'),
          privateKey: CLIENT_KEY,
          passphrase: S.clientKeyPassphrase,
        },
      },
    };
    for (const [name, definition] of Object.entries(definitions)) {
      integrations.set(
        name,
        await created('/api/integrations', {
          name: `Leak ${name}`,
          intervalSeconds: 10,
          timeoutMs: 3000,
          ...definition,
        }),
      );
    }
    for (const id of integrations.values()) {
      await call(`/api/integrations/${id}/probe`, { method: 'POST' });
      // The form's "Test" on the stored integration: its masked definition, the secrets taken from the store.
      const shown = (await call(`/api/integrations/${id}`)).body as Record<string, unknown>;
      const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...definition } = shown;
      await call(`/api/probe?integrationId=${id}`, { method: 'POST', json: definition });
    }

    // A webhook integration: one delivery its provider signed, one tampered (refused: it fires the alert too).
    const hook = await call('/api/integrations', {
      method: 'POST',
      json: {
        kind: 'webhook',
        name: 'Leak receiver',
        webhook: { scheme: 'github', secret: S.receiverSecret },
      },
    });
    const { id: hookId, receiverUrl } = hook.body as { id: string; receiverUrl: string };
    const delivery = '{"action":"opened","number":1}';
    const signature = createHmac('sha256', S.receiverSecret).update(delivery).digest('hex');
    // The signature is no secret, but the monitor keeps none: it is searched for like one.
    SECRETS.push({ name: 'a delivery signature', value: signature });
    for (const body of [delivery, `${delivery} `]) {
      const answer = await fetch(api + new URL(receiverUrl).pathname, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': `sha256=${signature}`,
        },
        body,
      });
      await answer.arrayBuffer();
    }
    for (const path of [`/api/integrations/${hookId}`, `/api/integrations/${hookId}/results`])
      await call(path);

    // Every channel has delivered the firing alert of every integration.
    const ids = new Set([...integrations.values(), hookId]);
    await until(
      'every channel delivered a firing notification for every integration',
      async () => {
        for (const channel of channels.values()) {
          const { body } = await fetch(`${api}/api/channels/${channel}/deliveries?limit=200`, {
            headers: { authorization: `Bearer ${S.apiToken}` },
          }).then(async (r) => ({ body: (await r.json()) as { items: DeliveryRow[] } }));
          const delivered = new Set(
            body.items
              .filter((d) => d.outcome === 'delivered' && /fir/.test(d.kind))
              .map((d) => d.integrationId),
          );
          if ([...ids].some((id) => !delivered.has(id))) return false;
        }
        return true;
      },
      40_000,
    );

    // Every read the API offers, on everything the cycle made.
    for (const path of [
      '/api/integrations',
      '/api/overview',
      '/api/alerts',
      '/api/alert-rules',
      '/api/channels',
      '/api/silences',
      '/api/audit',
      '/api/tokens',
      '/api/users',
      '/api/session',
      '/health',
      '/ready',
    ])
      await call(path);
    for (const id of integrations.values()) {
      await call(`/api/integrations/${id}`);
      await call(`/api/integrations/${id}/trend`);
      const page = await call(`/api/integrations/${id}/results?limit=500`);
      results.set(id, (page.body as { items: { category: string | null; status: string }[] }).items);
      const alerts = await call(`/api/alerts?integrationId=${id}`);
      for (const alert of (alerts.body as { items: { id: string }[] }).items)
        await call(`/api/alerts/${alert.id}`);
    }
    for (const id of channels.values()) {
      await call(`/api/channels/${id}`);
      await call(`/api/channels/${id}/deliveries?limit=200`);
    }
    for (const rule of ((await call('/api/alert-rules')).body as { items: { id: string }[] }).items)
      await call(`/api/alert-rules/${rule.id}`);
    await call('/metrics', { token: S.metricsToken });

    // Stopped before the output is read: shutdown lines are searched too.
    await stopProcess(monitor);
    monitor.output
      .join('')
      .split('\n')
      .forEach((line, index) =>
        haystacks.push({ where: `the monitor's output, line ${index + 1}`, text: line }),
      );
    const stored = await databaseHaystacks();
    haystacks.push(...stored.haystacks);
    databaseColumns = stored.columns;
    // What the receivers got, but for where each channel's secret has to go (Slack's URL, PagerDuty's key).
    for (const [index, delivery] of webhook.deliveries.entries()) {
      haystacks.push({
        where: `webhook delivery ${index + 1}`,
        text: `${JSON.stringify(delivery.headers)}\n${delivery.body}`,
      });
    }
    for (const [index, request] of slack.received.entries()) {
      haystacks.push({
        where: `Slack delivery ${index + 1} (its headers and body)`,
        text: `${JSON.stringify(request.headers)}\n${request.body}`,
      });
    }
    for (const [index, request] of pagerDuty.received.entries()) {
      const { routing_key: _routingKey, ...event } = JSON.parse(request.body) as Record<string, unknown>;
      haystacks.push({
        where: `PagerDuty delivery ${index + 1} (all but routing_key)`,
        text: `${request.url} ${JSON.stringify(request.headers)}\n${JSON.stringify(event)}`,
      });
    }
    for (const [index, mail] of smtp.mails.entries()) {
      // Raw, and decoded: quoted-printable breaks a long line (and a secret in it) with soft line breaks.
      haystacks.push({ where: `mail ${index + 1} (raw)`, text: mail.raw });
      haystacks.push({
        where: `mail ${index + 1} (subject and decoded parts)`,
        text: [
          mailHeader(mail.raw, 'Subject'),
          mailPart(mail.raw, 'text/plain'),
          mailPart(mail.raw, 'text/html'),
        ].join('\n'),
      });
    }
  }, 120_000);

  afterAll(async () => {
    if (monitor) await stopProcess(monitor, 'SIGKILL');
    await Promise.all(
      [target, mtlsTarget, slack, pagerDuty].map(
        (s) => s && new Promise((resolve) => s.server.close(resolve)),
      ),
    );
    await webhook?.close();
    await smtp?.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  interface DeliveryRow {
    integrationId: string | null;
    kind: string;
    outcome: string;
  }

  it('ran the whole cycle: each secret used where it belongs, each integration failed on it, each alert delivered', () => {
    const to = (path: string) => target.received.filter((r) => r.url.startsWith(path));
    const only = (path: string) => {
      const requests = to(path);
      expect(requests.length).toBeGreaterThanOrEqual(1);
      return requests[0]!;
    };
    expect(only('/t/apikey-header').headers['x-api-key']).toBe(S.apiKeyHeader);
    expect(only('/t/apikey-query').url).toContain(`apikey=${S.apiKeyQuery}`);
    expect(only('/t/bearer').headers.authorization).toBe(`Bearer ${S.bearer}`);
    expect(only('/t/basic').headers.authorization).toBe(`Basic ${basicOf(BASIC_USER, S.basicPassword)}`);
    expect(only('/oauth/token').headers.authorization).toBe(
      `Basic ${oauthBasicOf(OAUTH_CLIENT.basic, S.oauthBasic)}`,
    );
    expect(only('/t/oauth-basic').headers.authorization).toBe(`Bearer ${S.accessToken}`);
    expect(only('/oauth/refuse-json').body).toContain(`client_secret=${S.oauthPost}`);
    expect(only('/oauth/refuse-text').headers.authorization).toBe(
      `Basic ${oauthBasicOf(OAUTH_CLIENT.refused, S.oauthBasicRefused)}`,
    );
    // Refused at the token endpoint, these two never reach the API.
    expect(to('/t/oauth-post')).toHaveLength(0);
    expect(to('/t/oauth-basic-refused')).toHaveLength(0);
    expect(only('/t/custom-header').headers['x-api-token']).toBe(S.customHeader);
    expect(only('/t/url-query').url).toBe(`/t/url-query?city=Berlin&api_key=${S.urlQuery}`);
    expect(only('/t/json-body').body).toBe(`{"client_id":"me","client_secret":"${S.jsonBody}"}`);
    expect(only('/t/form-body').body).toBe(`user=me&password=${S.formBody}`);
    expect(mtlsTarget.received.length).toBeGreaterThanOrEqual(2);
    expect(mtlsTarget.received.every((r) => r.clientCertificate === 'ihm-test-client')).toBe(true);
    // Probe now, the dry run, and the scheduler's run: at least two requests per integration.
    for (const name of ['apikey-header', 'bearer', 'url-query', 'json-body']) {
      expect(to(`/t/${name}`).length).toBeGreaterThanOrEqual(2);
    }

    // The target refuses every credential; a signed delivery refused is the team's webhook endpoint's problem.
    for (const [name, id] of integrations) {
      const stored = results.get(id) ?? [];
      expect({ name, categories: [...new Set(stored.map((r) => r.category))] }).toEqual({
        name,
        categories: [name === 'signed' ? 'misconfigured_webhook' : 'authentication'],
      });
    }
    // The signed request carried the signature a GitHub delivery would.
    const [signedRequest] = to('/t/signed');
    expect(signedRequest?.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);

    // The receivers got the notifications, and each channel's secret did its work.
    const firing = webhook.deliveries.filter((d) => (d.json as { type?: string }).type === 'alert.firing');
    expect(firing.length).toBeGreaterThanOrEqual(1);
    expect(webhook.deliveries.every((d) => d.verified)).toBe(true);
    expect(slack.received.length).toBeGreaterThanOrEqual(2);
    expect(slack.received.every((r) => r.url === `/services/T0LEAK/B0LEAK/${S.slackToken}`)).toBe(true);
    expect(pagerDuty.received.length).toBeGreaterThanOrEqual(2);
    for (const request of pagerDuty.received) {
      expect((JSON.parse(request.body) as { routing_key: string }).routing_key).toBe(S.pagerDutyKey);
    }
    // The SMTP receiver takes mail only after AUTH with the password.
    expect(smtp.mails.length).toBeGreaterThanOrEqual(2);

    // The haystacks are not empty: the log has lines, the stored results hold the echoed evidence.
    expect(haystacks.filter((h) => h.where.startsWith("the monitor's output")).length).toBeGreaterThan(50);
    expect(databaseColumns).toEqual(expect.arrayContaining(['integrations.url', 'integrations.headers']));
    expect(
      haystacks.some((h) => h.where.includes('probe_results') && h.text.includes('invalid credentials')),
    ).toBe(true);
  });

  it('finds no secret in the log, the API answers, the stored rows or the deliveries', () => {
    expect(findings(haystacks)).toEqual([]);
  });
});
