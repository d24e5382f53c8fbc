import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { applyMigrations, readMigrations } from '../src/migrator';
import { createDatabase, databaseUrl, dropDatabase, TEST_ADMIN_URL_VAR } from '../src/testing';

const MIGRATION = '20261201090000_results_keyed_by_name';
const adminUrl = process.env[TEST_ADMIN_URL_VAR] as string;

/** The migrations before MIGRATION, in a folder of their own. */
async function migrationsBefore(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ihm-before-'));
  for (const migration of await readMigrations()) {
    if (migration.name >= MIGRATION) continue;
    await mkdir(join(dir, migration.name));
    await writeFile(join(dir, migration.name, 'migration.sql'), migration.sql);
  }
  return dir;
}

const bucketsOf = (phase: number, counts: number[]) => {
  const flat = new Array<number>(5 * 18).fill(0);
  counts.forEach((count, i) => (flat[phase * 18 + i] = count));
  return flat;
};

describe(MIGRATION, () => {
  const name = `ihm_keyed_${process.pid}`;
  const url = databaseUrl(adminUrl, name);
  let client: Client;

  beforeAll(async () => {
    await createDatabase(adminUrl, name);
    await applyMigrations(url, await migrationsBefore());
    client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO integrations (id, name, url, method, updated_at) VALUES
         (gen_random_uuid(), 'a', 'https://a', 'GET', now()), (gen_random_uuid(), 'b', 'https://b', 'GET', now())
       RETURNING id`,
    );
    const [a, b] = rows.map((row) => row.id);
    // The old layout: one flat histogram, phase-major in LATENCY_PHASES order, maxima by phase index.
    const histogram = bucketsOf(1, [0, 2]).map(
      (n, i) => n + (bucketsOf(4, [0, 0, 0, 0, 0, 0, 0, 3])[i] ?? 0),
    );
    await client.query(
      `INSERT INTO result_rollups_minute (integration_id, bucket_start, probe_count, degraded_count, failure_count,
         failures_by_category, latency_histogram, latency_max_ms)
       VALUES ($1, '2026-11-30T10:00:00Z', 3, 0, 1, ARRAY[0,1,0,0,0,0,0,0,0,0], $2, ARRAY[0, 1.5, 0, 0, 140]::real[])`,
      [a, histogram],
    );
    await client.query(
      `INSERT INTO integration_statuses (integration_id, checked_at, status, category, message, consecutive_failures)
       VALUES ($1, now(), 'down', 'authentication', 'expired', 3), ($2, now(), 'up', NULL, 'OK', 0)`,
      [a, b],
    );
    await applyMigrations(url);
  });
  afterAll(async () => {
    await client.end();
    await dropDatabase(adminUrl, name);
  });

  it('moves each phase of the flat histogram into its own column, with its maximum', async () => {
    const { rows } = await client.query(
      `SELECT dns_histogram, dns_max_ms, connect_histogram, connect_max_ms, tls_max_ms, total_histogram, total_max_ms
       FROM result_rollups_minute`,
    );
    expect(rows).toEqual([
      {
        dns_histogram: new Array(18).fill(0),
        // A phase without observations had a maximum of 0; it has none now.
        dns_max_ms: null,
        connect_histogram: [0, 2, ...new Array(16).fill(0)],
        connect_max_ms: 1.5,
        tls_max_ms: null,
        total_histogram: [0, 0, 0, 0, 0, 0, 0, 3, ...new Array(10).fill(0)],
        total_max_ms: 140,
      },
    ]);
  });

  it('drops the columns that were never read', async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE column_name IN ('latency_histogram', 'latency_max_ms', 'failures_by_category', 'consecutive_failures')`,
    );
    expect(rows).toEqual([]);
  });

  it("names each latest status's overview group", async () => {
    const { rows } = await client.query(
      `SELECT i.name, s.overview_group FROM integration_statuses s JOIN integrations i ON i.id = s.integration_id
       ORDER BY i.name`,
    );
    expect(rows).toEqual([
      { name: 'a', overview_group: 'authentication' },
      { name: 'b', overview_group: 'healthy' },
    ]);
  });
});
