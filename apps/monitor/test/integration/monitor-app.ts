import { createTestDatabase, type TestDatabase } from '@ihm/db/testing';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseEnv } from '../../src/config/env.schema';
import { createMonitorApp } from '../../src/create-app';

export const TEST_API_TOKEN = 'test-token-0123456789abcdef';

export interface RunningMonitor {
  app: INestApplication;
  db: TestDatabase;
  baseUrl: string;
  /** fetch against the monitor, with the API token unless `token: null`. */
  call(path: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real monitor (Nest app, Prisma, its own fresh database) listening on a free loopback port; with `sharing`,
 * a second process of the same installation: on that monitor's database, which it leaves in place on close.
 */
export async function startMonitor(
  env: Record<string, string> = {},
  sharing?: RunningMonitor,
): Promise<RunningMonitor> {
  const db = sharing?.db ?? (await createTestDatabase(process.env));
  const app = await createMonitorApp({
    // ROLE=api by default: tests that want the scheduler say so.
    env: parseEnv({
      DEMO: '0',
      // The sandbox and the receivers tests probe and deliver to listen on loopback.
      ALLOW_PRIVATE_TARGETS: 'true',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      ROLE: 'api',
      // Sent as they come: tests of grouping set a wait.
      ALERT_GROUP_WAIT_SECONDS: '0',
      ...env,
      DATABASE_URL: db.connectionString,
    }),
    databaseUrl: db.connectionString,
    apiToken: TEST_API_TOKEN,
    // Processes a test starts beside this one need the same key to open what it sealed: ENCRYPTION_KEY (hex).
    encryptionKey: env.ENCRYPTION_KEY ? Buffer.from(env.ENCRYPTION_KEY, 'hex') : randomBytes(32),
    decryptionKeys: (env.DECRYPTION_KEYS ?? '')
      .split(',')
      .filter(Boolean)
      .map((key) => Buffer.from(key, 'hex')),
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    db,
    baseUrl,
    call: (path, { token = TEST_API_TOKEN, json, headers, ...init } = {}) =>
      fetch(baseUrl + path, {
        ...init,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      }),
    close: async () => {
      await app.close();
      if (!sharing) await db.drop();
    },
  };
}
