// Jest global setup of the integration tier: a real PostgreSQL (TEST_DATABASE_URL, else an embedded server in
// a temporary folder), a template database migrated once, and its coordinates for the test files.
import { applyMigrations, startEmbeddedPostgres } from '@ihm/db';
import { createDatabase, databaseUrl, TEST_ADMIN_URL_VAR, TEST_TEMPLATE_DB_VAR } from '@ihm/db/testing';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'ihm-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), unsafeFast: true });
    globalThis.__IHM_EMBEDDED_PG__ = { embedded, dataDir };
    adminUrl = embedded.connectionString;
  }
  const template = `ihm_template_${process.pid}`;
  await createDatabase(adminUrl, template);
  await applyMigrations(databaseUrl(adminUrl, template));
  process.env[TEST_ADMIN_URL_VAR] = adminUrl;
  process.env[TEST_TEMPLATE_DB_VAR] = template;
  globalThis.__IHM_TEMPLATE__ = { adminUrl, template };
}
