import { createPool } from '@ihm/db';
import { parseEnv } from '../config/env.schema';
import { openDatabase } from '../database/open-database';
import { loadLocalSecrets } from '../security/local-secrets';
import { SealedSecretsRepository } from '../security/sealed-secrets.repository';
import { secretBoxFor } from '../security/secret-box';
import { rotateSecrets, type RotationReport } from '../security/secret-rotation';

/**
 * `npm run secrets:rotate`: re-seal every stored secret under ENCRYPTION_KEY, opening them with it or
 * DECRYPTION_KEYS (the old keys). Runs beside a live monitor; see the README for the order of the steps.
 */
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const keys = await loadLocalSecrets(env);
  if (keys.decryptionKeys.length === 0)
    console.log('DECRYPTION_KEYS is empty: re-sealing only what is not yet in the current format');
  const database = await openDatabase(env, { joinRunning: true });
  const pool = createPool({ connectionString: database.connectionString, max: 2 });
  try {
    const report = await rotateSecrets(new SealedSecretsRepository(pool), secretBoxFor(keys));
    console.log(describe(report));
    if (report.unreadable.length + report.busy.length > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await database.embedded?.stop();
  }
}

function describe(report: RotationReport): string {
  const lines = [
    `Re-encrypted ${report.rotated.integrations} integration and ${report.rotated.channels} channel secrets; ` +
      `${report.current} were under the current key already.`,
  ];
  for (const { table, id } of report.unreadable)
    lines.push(`Not readable with ENCRYPTION_KEY or DECRYPTION_KEYS, left as it is: ${table} ${id}`);
  for (const { table, id } of report.busy)
    lines.push(`Changed during the rotation, run it again: ${table} ${id}`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(`secrets:rotate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
