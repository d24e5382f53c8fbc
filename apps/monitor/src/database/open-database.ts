import { describeConnectionError, startEmbeddedPostgres, type EmbeddedPostgres } from '@ihm/db';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Env } from '../config/env.schema';

export interface OpenDatabase {
  connectionString: string;
  /** The embedded server we started, or null on a user's PostgreSQL. */
  embedded: EmbeddedPostgres | null;
}

export class DatabaseUnavailableError extends Error {}

const CONNECT_TIMEOUT_MS = 5000;

/**
 * `DATABASE_URL` when set, else an embedded PostgreSQL in the data folder; either way, proven reachable. A tool
 * that runs beside a live monitor (`secrets:rotate`) joins the embedded server that monitor started, if any,
 * rather than start its own on the same folder.
 */
export async function openDatabase(
  env: Env,
  { onLog, joinRunning = false }: { onLog?: (line: string) => void; joinRunning?: boolean } = {},
): Promise<OpenDatabase> {
  if (env.databaseUrl) {
    await checkReachable(env.databaseUrl);
    return { connectionString: env.databaseUrl, embedded: null };
  }
  const running = joinRunning ? await runningEmbeddedServer(env) : null;
  if (running) return { connectionString: running, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: env.dataDir,
    port: env.embeddedPostgresPort,
    onLog,
  });
  await checkReachable(embedded.connectionString);
  return { connectionString: embedded.connectionString, embedded };
}

/** The embedded server of this data folder, when one answers on its port. */
async function runningEmbeddedServer(env: Env): Promise<string | null> {
  const passwordFile = join(env.dataDir, 'postgres-password');
  if (!existsSync(passwordFile)) return null;
  const password = (await readFile(passwordFile, 'utf8')).trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.embeddedPostgresPort}/postgres`;
  return checkReachable(url).then(
    () => url,
    () => null,
  );
}

async function checkReachable(connectionString: string): Promise<void> {
  let client: Client;
  try {
    client = new Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  } catch (error) {
    throw new DatabaseUnavailableError(describeConnectionError(connectionString, error));
  }
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnavailableError(describeConnectionError(connectionString, error));
  } finally {
    await client.end().catch(() => undefined);
  }
}
