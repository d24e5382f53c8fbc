import { applyMigrations, EmbeddedPostgresError, MigrationError } from '@ihm/db';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { InvalidEnvironmentError, parseEnv } from './config/env.schema';
import { AdminPasswordBootstrap } from './auth/admin-password.bootstrap';
import { applyConfigFileAtStart } from './config-as-code/config-file-at-start';
import { ConfigFileError } from './config-as-code/config-problem';
import { MonitorLogger } from './common/logging/monitor-logger';
import { shutdownClock } from './common/shutdown-clock';
import { createMonitorApp } from './create-app';
import { DatabaseUnavailableError, openDatabase, type OpenDatabase } from './database/open-database';
import { API_TOKEN_FILE, loadLocalSecrets } from './security/local-secrets';

const SHUTDOWN_DEADLINE_MS = 10_000;
const logger = new Logger('Monitor');

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const monitorLogger = new MonitorLogger(env);
  // Before the app exists too: the start-up lines are structured like the rest.
  Logger.overrideLogger(monitorLogger);
  const secrets = await loadLocalSecrets(env);
  const database = await openDatabase(env);
  const stopDatabase = () => database.embedded?.stop() ?? Promise.resolve();
  let app: Awaited<ReturnType<typeof createMonitorApp>> | undefined;
  onShutdownSignal(async () => {
    await app?.close();
    await stopDatabase();
  });

  try {
    logger.log(describeDatabase(database));
    const report = await applyMigrations(database.connectionString);
    if (report.applied.length > 0) logger.log(`Applied migrations: ${report.applied.join(', ')}`);
    for (const name of report.changedSinceApplied)
      logger.warn(`Migration ${name} changed after it was applied`);
    if (secrets.encryptionKeyFromFile && env.databaseUrl) {
      logger.warn(
        'ENCRYPTION_KEY is not set: credentials are encrypted with the key in the data folder; back it up',
      );
    }
    app = await createMonitorApp({ env, databaseUrl: database.connectionString, ...secrets }, monitorLogger);
    // Workers only probe: the processes that serve the API apply the file (one after another, by a lock).
    if (env.configFile && env.role !== 'worker')
      await applyConfigFileAtStart(app, env.configFile, process.env);
    // An extra worker serves no HTTP: it only claims and runs checks.
    if (env.role === 'worker') await app.init();
    else await app.listen(env.port, env.host);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  if (secrets.generatedApiToken) {
    showOnce(`Generated an API token, shown this once: ${secrets.apiToken}`);
    logger.log(
      `Generated an API token (printed above, not logged), stored in ${resolve(env.dataDir, API_TOKEN_FILE)} (mode 0600); set API_TOKEN to choose your own.`,
    );
  }
  const adminPassword = app.get(AdminPasswordBootstrap).generatedPassword;
  if (adminPassword) {
    showOnce(`Generated the dashboard's admin password, shown this once: ${adminPassword}`);
    logger.log(
      "Generated the dashboard's admin password (printed above, not logged); only its hash is stored; set ADMIN_PASSWORD to choose your own.",
    );
  }
  if (env.role === 'worker') logger.log('Worker started (ROLE=worker: no HTTP server)');
  else logger.log(`API listening on http://${env.host}:${env.port}/api (health: /health, readiness: /ready)`);
}

/**
 * The only place the monitor prints a secret: a generated credential its user needs once. A plain line on stdout,
 * outside the structured log, so that log lines never hold one.
 */
function showOnce(line: string): void {
  process.stdout.write(`${line}\n`);
}

function describeDatabase(database: OpenDatabase): string {
  if (!database.embedded) return 'Using the PostgreSQL at DATABASE_URL';
  return `Using the embedded PostgreSQL at ${new URL(database.connectionString).host}`;
}

/** SIGINT/SIGTERM: close the API, then the embedded database; give up after a deadline. */
function onShutdownSignal(shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    shutdownClock.start(SHUTDOWN_DEADLINE_MS);
    setTimeout(() => {
      logger.error(`Shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

main().catch((error: unknown) => {
  // Expected start-up failures get one clear line; anything else is a bug worth its stack.
  if (
    error instanceof InvalidEnvironmentError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof EmbeddedPostgresError ||
    error instanceof MigrationError ||
    error instanceof ConfigFileError
  ) {
    console.error(`monitor: ${error.message}`);
  } else if ((error as { code?: string }).code === 'EADDRINUSE') {
    console.error(`monitor: ${(error as Error).message}: another process uses that port; set MONITOR_PORT`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
