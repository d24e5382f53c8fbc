import { SecretBoxError, type SecretBox } from './secret-box';
import { SEALED_TABLES, type SealedSecretsRepository, type SealedTable } from './sealed-secrets.repository';

const PAGE_SIZE = 500;
/** A row edited this many times during its own rotation is left for the next run. */
const MAX_ATTEMPTS = 5;

export interface RotationReport {
  /** Re-sealed under the current key, by table. */
  rotated: Record<SealedTable, number>;
  /** Already under the current key. */
  current: number;
  /** Sealed under no key the box holds: left as they are. */
  unreadable: RowRef[];
  /** Edited again and again while this run tried to re-seal them: left for the next run. */
  busy: RowRef[];
}

export interface RowRef {
  table: SealedTable;
  id: string;
}

/**
 * Re-seals every stored secret under the box's current key, row by row, while the monitor keeps running: each
 * write is a compare-and-set, so a secret someone edits meanwhile (already sealed under whichever key its process
 * holds) is read again rather than overwritten.
 */
export async function rotateSecrets(
  repository: SealedSecretsRepository,
  box: SecretBox,
): Promise<RotationReport> {
  const report: RotationReport = {
    rotated: { integrations: 0, channels: 0 },
    current: 0,
    unreadable: [],
    busy: [],
  };
  for (const table of SEALED_TABLES) {
    let after: string | null = null;
    for (;;) {
      const rows = await repository.page(table, after, PAGE_SIZE);
      if (rows.length === 0) break;
      for (const row of rows) await rotateRow(repository, box, table, row.id, row.sealed, report);
      after = rows[rows.length - 1]!.id;
    }
  }
  return report;
}

async function rotateRow(
  repository: SealedSecretsRepository,
  box: SecretBox,
  table: SealedTable,
  id: string,
  first: Buffer,
  report: RotationReport,
): Promise<void> {
  let sealed: Buffer | null = first;
  for (let attempt = 0; sealed && attempt < MAX_ATTEMPTS; attempt++) {
    if (box.isCurrent(sealed)) {
      report.current++;
      return;
    }
    let value: unknown;
    try {
      value = box.open(sealed);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      report.unreadable.push({ table, id });
      return;
    }
    if (await repository.replace(table, id, sealed, box.seal(value))) {
      report.rotated[table]++;
      return;
    }
    sealed = await repository.find(table, id);
  }
  if (sealed) report.busy.push({ table, id });
}
