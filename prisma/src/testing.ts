import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the integration tier's global setup: a server we may create databases on, and a migrated template. */
export const TEST_ADMIN_URL_VAR = 'IHM_TEST_ADMIN_URL';
export const TEST_TEMPLATE_DB_VAR = 'IHM_TEST_TEMPLATE_DB';

export interface TestDatabase {
  connectionString: string;
  drop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh database for one test file, cloned from the migrated template: real SQL, no shared rows. */
export async function createTestDatabase(env: Record<string, string | undefined>): Promise<TestDatabase> {
  const adminUrl = env[TEST_ADMIN_URL_VAR];
  const template = env[TEST_TEMPLATE_DB_VAR];
  if (!adminUrl || !template) {
    throw new Error(
      `${TEST_ADMIN_URL_VAR}/${TEST_TEMPLATE_DB_VAR} unset: run through the integration jest config`,
    );
  }
  const name = `ihm_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, template);
  return { connectionString: databaseUrl(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
