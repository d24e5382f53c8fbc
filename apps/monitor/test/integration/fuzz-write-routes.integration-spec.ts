import { startMonitor, TEST_API_TOKEN, type RunningMonitor } from './monitor-app';
import { routesOf } from './router-routes';

/** A small seeded generator: the same bodies on every run, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const value = (depth: number): unknown => {
    switch (pick(['string', 'number', 'bool', 'null', 'array', 'object', 'huge', 'odd'] as const)) {
      case 'string':
        return pick(['', 'x', '********', 'http://', '<script>', '\u0000', '💥', 'a'.repeat(300)]);
      case 'number':
        return pick([0, -1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER, 123_456_789_012]);
      case 'bool':
        return next() < 0.5;
      case 'null':
        return null;
      case 'array':
        return depth > 3 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      case 'object':
        return depth > 3 ? {} : object(depth + 1);
      case 'huge':
        return 'y'.repeat(Math.floor(next() * 200_000));
      case 'odd':
        return pick<unknown>([
          { $gt: '' },
          ['__proto__'],
          { toString: 1 },
          { constructor: { prototype: { polluted: 1 } } },
        ]);
    }
  };
  const KEYS = [
    'name',
    'url',
    'type',
    'config',
    'auth',
    'role',
    'email',
    'password',
    'scope',
    'condition',
    'channelIds',
    'startsAt',
    'endsAt',
    'headers',
    'tags',
    'paused',
    'intervalSeconds',
    'expiresAt',
    '__proto__',
    'constructor',
    'prototype',
    'extra',
  ];
  const object = (depth: number): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: Math.floor(next() * 6) }, () => [pick(KEYS), value(depth)]));
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  /** A raw body: JSON of the wrong shape, a prototype-pollution attempt, deep nesting, broken JSON or UTF-8. */
  const body = (): Buffer => {
    switch (
      pick([
        'shape',
        'shape',
        'shape',
        'pollution',
        'deep',
        'invalid-json',
        'invalid-utf8',
        'too-large',
      ] as const)
    ) {
      case 'shape':
        return Buffer.from(JSON.stringify(next() < 0.8 ? object(0) : value(0)));
      case 'pollution':
        return Buffer.from(
          '{"__proto__":{"polluted":"yes","role":"admin"},"constructor":{"prototype":{"polluted":"yes"}}}',
        );
      case 'deep':
        return Buffer.from(deep(5_000 + Math.floor(next() * 50_000)));
      case 'invalid-json':
        return Buffer.from(pick(['{', '{"name": }', "{'a': 1}", 'undefined', '{"a":1,}', 'NaN', '\u0000']));
      case 'invalid-utf8':
        return Buffer.concat([
          Buffer.from('{"name":"'),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from('"}'),
        ]);
      case 'too-large':
        return Buffer.from(JSON.stringify({ name: 'z'.repeat(1_100_000) }));
    }
  };
  return { body };
}

const TABLES = [
  'integrations',
  'channels',
  'alert_rules',
  'silences',
  'users',
  'api_tokens',
  'admin_sessions',
];
const BODIES = 2000;
const ID = '00000000-0000-4000-8000-00000000beef';

describe('malformed bodies on every write route', () => {
  let monitor: RunningMonitor;

  beforeAll(async () => {
    monitor = await startMonitor();
  });
  afterAll(() => monitor.close());

  const counts = async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: monitor.db.connectionString });
    await client.connect();
    try {
      const counted: Record<string, number> = {};
      for (const table of TABLES)
        counted[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      return counted;
    } finally {
      await client.end();
    }
  };

  it(`answers ${BODIES} of them with 4xx only, writes nothing, and stays healthy`, async () => {
    const routes = routesOf(monitor)
      // Writes that take a body; signing out succeeds whatever is sent.
      .filter(({ method, path }) => method !== 'GET' && !(method === 'DELETE' && path === '/api/session'));
    expect(routes.length).toBeGreaterThan(15);
    const before = await counts();
    const { body } = generator(20261202);
    const unexpected: string[] = [];
    for (let i = 0; i < BODIES; i += 1) {
      const route = routes[i % routes.length]!;
      const path = route.path.replace(/:[A-Za-z]+/g, ID);
      const res = await fetch(`${monitor.baseUrl}${path}`, {
        method: route.method,
        headers: { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'application/json' },
        body: body(),
      });
      const text = await res.text();
      if (res.status < 400 || res.status >= 500)
        unexpected.push(`${route.method} ${route.path} → ${res.status}: ${text.slice(0, 200)}`);
      else expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules/); // never a stack trace
    }
    expect(unexpected).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${monitor.baseUrl}/health`)).status).toBe(200);
    expect((await monitor.call('/api/integrations')).status).toBe(200);
  }, 180_000);
});
