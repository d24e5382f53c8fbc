import { describeConnectionError, startEmbeddedPostgres, type EmbeddedPostgres } from '@ihm/db';
import { Client } from 'pg';
import type { Env } from '../config/env.schema';

export interface OpenDatabase {
  connectionString: string;
  /** The embedded server we started, or null on a user's PostgreSQL. */
  embedded: EmbeddedPostgres | null;
}

export class DatabaseUnavailableError extends Error {}

const CONNECT_TIMEOUT_MS = 5000;

/** `DATABASE_URL` when set, else an embedded PostgreSQL in the data folder; either way, proven reachable. */
export async function openDatabase(env: Env, onLog?: (line: string) => void): Promise<OpenDatabase> {
  if (env.databaseUrl) {
    await checkReachable(env.databaseUrl);
    return { connectionString: env.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: env.dataDir,
    port: env.embeddedPostgresPort,
    onLog,
  });
  await checkReachable(embedded.connectionString);
  return { connectionString: embedded.connectionString, embedded };
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
