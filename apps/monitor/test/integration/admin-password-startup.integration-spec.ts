import { createTestDatabase, type TestDatabase } from '@ihm/db/testing';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep, spawnMonitor, stopProcess } from './processes';

/** Runs `node dist/main.js` until it listens, signs in with `password`, stops it; returns its log. */
async function startAndSignIn(
  env: Record<string, string>,
  password: (log: string) => string,
): Promise<{ log: string; status: number }> {
  const port = await freePort();
  const child = spawnMonitor({
    ...env,
    MONITOR_PORT: String(port),
    LOG_LEVEL: 'log',
    DEMO: '0',
    ROLE: 'api',
  });
  try {
    const deadline = Date.now() + 20_000;
    while (!child.output.join('').includes('API listening') && Date.now() < deadline) await sleep(50);
    const log = child.output.join('');
    const res = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: password(log) }),
    });
    return { log, status: res.status };
  } finally {
    await stopProcess(child);
  }
}

const GENERATED = /Generated the dashboard's admin password, shown this once: (\S+)/;

describe('admin password at start-up', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(process.env);
    env = { DATABASE_URL: db.connectionString, DATA_DIR: await mkdtemp(join(tmpdir(), 'ihm-admin-')) };
  });
  afterAll(() => db.drop());

  it('prints a generated password on the first start only, and never prints ADMIN_PASSWORD', async () => {
    let generated = '';
    const first = await startAndSignIn(env, (log) => (generated = GENERATED.exec(log)?.[1] ?? ''));
    expect(generated).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(first.status).toBe(201);

    const again = await startAndSignIn(env, () => generated);
    expect(again.log).not.toMatch(/admin password/i);
    expect(again.status).toBe(201);

    const configured = 'configured admin password';
    const withEnv = await startAndSignIn({ ...env, ADMIN_PASSWORD: configured }, () => configured);
    expect(withEnv.status).toBe(201);
    expect(withEnv.log).not.toContain(configured);
    expect(withEnv.log).toContain('ADMIN_PASSWORD changed');
    expect((await startAndSignIn(env, () => generated)).status).toBe(401);
  });
});
