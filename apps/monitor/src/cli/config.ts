import 'reflect-metadata';
import { configFileJsonSchema } from '@ihm/contracts';
import { applyMigrations } from '@ihm/db';
import { NestFactory } from '@nestjs/core';
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigCliModule } from '../config-as-code/config-cli.module';
import { ConfigExportService } from '../config-as-code/config-export.service';
import { ConfigFileService } from '../config-as-code/config-file.service';
import { describePlan } from '../config-as-code/config-plan';
import { ConfigFileError } from '../config-as-code/config-problem';
import { parseEnv } from '../config/env.schema';
import { openDatabase } from '../database/open-database';
import { loadLocalSecrets } from '../security/local-secrets';

const USAGE = `Usage: npm run config -- <command>
  plan FILE     show what applying FILE would create, change and delete (secrets masked)
  apply FILE    do it, in one transaction
  export FILE   write what is stored as a config file (secrets as \${ENV_VAR} references)
  schema FILE   write the config file's JSON Schema (for editors)`;

/** `npm run config -- plan|apply|export|schema FILE`: config as code against DATABASE_URL or the embedded database. */
async function main([command, path]: string[]): Promise<void> {
  if (!path || !['plan', 'apply', 'export', 'schema'].includes(command ?? '')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  if (command === 'schema') {
    await writeFile(path, `${JSON.stringify(configFileJsonSchema(), null, 2)}\n`);
    console.log(`Wrote the config file's JSON Schema to ${path}`);
    return;
  }
  const env = parseEnv(process.env);
  const text = command === 'export' ? '' : await readFile(path, 'utf8');
  const keys = await loadLocalSecrets(env);
  const database = await openDatabase(env, { joinRunning: true });
  // As the monitor does at start: a database it has not started on yet gets its tables.
  await applyMigrations(database.connectionString);
  const app = await NestFactory.createApplicationContext(
    ConfigCliModule.forRoot({ env, databaseUrl: database.connectionString, ...keys }),
    { logger: ['error', 'warn'] },
  );
  try {
    if (command === 'export') {
      const exported = await app.get(ConfigExportService).export();
      await writeFile(path, exported.text);
      console.log(`Wrote ${path}`);
      if (exported.variables.length > 0)
        console.log(`Its secrets are references: set ${exported.variables.join(', ')} before applying it.`);
      return;
    }
    const service = app.get(ConfigFileService);
    const source = { file: path, text, env: process.env };
    const plan = command === 'apply' ? await service.apply(source) : await service.plan(source);
    console.log(describePlan(plan));
    if (command === 'apply') console.log(plan.changes.length > 0 ? 'Applied.' : 'Nothing to apply.');
  } finally {
    await app.close();
    await database.embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigFileError) console.error(error.message);
  else console.error(`config: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
