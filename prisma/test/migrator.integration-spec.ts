import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { applyMigrations, MigrationError, readMigrations } from '../src/migrator';
import { createDatabase, databaseUrl, dropDatabase, TEST_ADMIN_URL_VAR } from '../src/testing';

const adminUrl = process.env[TEST_ADMIN_URL_VAR] as string;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function migrationsFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ihm-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe(applyMigrations.name, () => {
  const name = `ihm_migrator_${process.pid}`;
  const url = databaseUrl(adminUrl, name);

  beforeEach(() => createDatabase(adminUrl, name));
  afterAll(() => dropDatabase(adminUrl, name));

  it('applies every migration once, recording it as Prisma Migrate does', async () => {
    const all = (await readMigrations()).map((m) => m.name);
    expect(await applyMigrations(url)).toEqual({ applied: all, changedSinceApplied: [] });
    expect(await applyMigrations(url)).toEqual({ applied: [], changedSinceApplied: [] });
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date;
      applied_steps_count: number;
    }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(all);
    expect(rows.map((row) => row.checksum)).toEqual((await readMigrations()).map((m) => m.checksum));
    expect(rows.every((row) => row.finished_at instanceof Date && row.applied_steps_count === 1)).toBe(true);
  });

  it('lets monitors that start together apply each migration exactly once', async () => {
    const reports = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const appliedNames = reports.flatMap((report) => report.applied);
    expect(appliedNames.sort()).toEqual((await readMigrations()).map((m) => m.name).sort());
    const [row] = await query<{ count: string }>(url, 'SELECT count(*) FROM "_prisma_migrations"');
    expect(Number(row?.count)).toBe(appliedNames.length);
  });

  it('keeps the results stored before raw results were partitioned', async () => {
    const [first] = await readMigrations();
    const dir = await migrationsFolder({ [first!.name]: first!.sql });
    await applyMigrations(url, dir);
    await query(
      url,
      `INSERT INTO integrations (id, name, url, method, updated_at) VALUES ('7d1c0f1e-8a55-4a8e-9d43-5d6f3f1c2b10', 'old', 'https://a', 'GET', now())`,
    );
    await query(
      url,
      `INSERT INTO probe_results (integration_id, started_at, status, message) VALUES ('7d1c0f1e-8a55-4a8e-9d43-5d6f3f1c2b10', '2025-01-15T10:00:00Z', 'up', 'kept')`,
    );
    await applyMigrations(url);
    const rows = await query<{ message: string }>(url, 'SELECT message FROM probe_results');
    expect(rows).toEqual([{ message: 'kept' }]);
    const [schedule] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM check_schedules');
    expect(schedule?.n).toBe(1);
  });

  it('names the failing migration and keeps nothing of it', async () => {
    const dir = await migrationsFolder({
      '001_ok': 'CREATE TABLE a (id int);',
      '002_broken': 'CREATE TABLE b (id int); SELECT * FROM no_such_table;',
    });
    const attempt = applyMigrations(url, dir);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/Migration 002_broken failed: .*no_such_table/);
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.map((t) => t.tablename).sort()).toEqual(['_prisma_migrations', 'a']);
  });

  it('reports a migration whose file changed after it was applied', async () => {
    const dir = await migrationsFolder({ '001_ok': 'CREATE TABLE a (id int);' });
    await applyMigrations(url, dir);
    await writeFile(join(dir, '001_ok', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    expect(await applyMigrations(url, dir)).toEqual({ applied: [], changedSinceApplied: ['001_ok'] });
  });
});
