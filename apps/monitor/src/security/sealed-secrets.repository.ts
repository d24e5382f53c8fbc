import type { Pool } from '@ihm/db';

/** The tables whose `secrets` column holds SecretBox values. */
export const SEALED_TABLES = ['integrations', 'channels'] as const;
export type SealedTable = (typeof SEALED_TABLES)[number];

export interface SealedRow {
  id: string;
  sealed: Buffer;
}

/** Reads and swaps sealed secrets in place, leaving every other column (and updated_at) as it is. */
export class SealedSecretsRepository {
  constructor(private readonly pool: Pool) {}

  /** The next rows with secrets after `after`, in id order. */
  async page(table: SealedTable, after: string | null, limit: number): Promise<SealedRow[]> {
    const { rows } = await this.pool.query<{ id: string; secrets: Buffer }>(
      `SELECT id, secrets FROM ${table}
        WHERE secrets IS NOT NULL AND ($1::uuid IS NULL OR id > $1::uuid)
        ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => ({ id: row.id, sealed: row.secrets }));
  }

  async find(table: SealedTable, id: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ secrets: Buffer | null }>(
      `SELECT secrets FROM ${table} WHERE id = $1`,
      [id],
    );
    return rows[0]?.secrets ?? null;
  }

  /** Compare and set: false when the row changed (or went) since it was read. */
  async replace(table: SealedTable, id: string, from: Buffer, to: Buffer): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${table} SET secrets = $3 WHERE id = $1 AND secrets = $2`,
      [id, from, to],
    );
    return rowCount === 1;
  }
}
