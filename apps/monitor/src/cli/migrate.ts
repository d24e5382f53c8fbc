import { applyMigrations } from '@ihm/db';
import { parseEnv } from '../config/env.schema';
import { openDatabase } from '../database/open-database';

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit. */
async function migrate(): Promise<void> {
  const database = await openDatabase(parseEnv(process.env));
  try {
    const report = await applyMigrations(database.connectionString);
    console.log(report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'No pending migrations');
  } finally {
    await database.embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
