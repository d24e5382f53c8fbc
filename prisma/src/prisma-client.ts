import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, Query, type PoolClient } from 'pg';
import { PrismaClient } from '../generated/client';

export { Pool, Query };
export type { QueryArrayConfig } from 'pg';

export interface PoolOptions {
  connectionString: string;
  /** Connections at most. */
  max?: number;
}

/**
 * The node-postgres pool a process queries through: Prisma's driver, and the few reads too large for Prisma's
 * per-value conversion (the /metrics snapshot of every integration), so both share one bounded set of connections.
 */
export function createPool({ connectionString, max = 10 }: PoolOptions): Pool {
  // A bounded connect timeout: a database that went away must fail fast, not hang the writers.
  const pool = new Pool({ connectionString, max, connectionTimeoutMillis: 5000 });
  // An idle connection the server dropped: the next query on it reports the failure, so nothing to do here.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `use` on a connection of `pool` held for it alone, then gives the connection back (one that failed is
 * discarded). A held connection is not the pool's to watch: should the database go away meanwhile, its 'error'
 * event would have no listener and end the process, so it has one here (the query under way fails as well).
 */
export async function withPooledClient<T>(pool: Pool, use: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const onError = (error: Error) => (failure ??= error);
  client.on('error', onError);
  try {
    return await use(client);
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(failure);
  }
}

/** The only way the project builds a PrismaClient: Prisma 7 on node-postgres, on a pool of its own or a shared one. */
export function createPrismaClient(source: PoolOptions | { pool: Pool }): PrismaClient {
  const pool = 'pool' in source ? source.pool : createPool(source);
  // A pool of its own ends with the client; a shared one is ended by whoever made it.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: !('pool' in source) }) });
}
