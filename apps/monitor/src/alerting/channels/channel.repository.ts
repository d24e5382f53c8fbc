import type { ChannelType } from '@ihm/contracts';
import { Prisma, PrismaClient, type Channel as ChannelRow } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { MonitorError } from '../../common/monitor-error';
import { isUuid } from '../../common/is-uuid';
import { isRecordMissing, isUniqueViolation } from '../../database/prisma-errors';

/** What is written for a channel: its config with secrets masked, and the secrets sealed apart. */
export interface ChannelWrite {
  name: string;
  type: ChannelType;
  maskedConfig: Record<string, unknown>;
  sealedSecrets: Uint8Array<ArrayBuffer> | null;
}

/** What a channel's health is read from: its last delivery attempt, its last test and what waits for it. */
export interface ChannelHealthFacts {
  lastAttempt: ChannelEvidence | null;
  lastTest: ChannelEvidence | null;
  pending: number;
}

export interface ChannelEvidence {
  at: Date;
  ok: boolean;
  error: string | null;
}

export interface StoredChannel extends ChannelWrite {
  id: string;
  /** The config file that manages it, or null when the API does. */
  managedBy: string | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const fromRow = (row: ChannelRow): StoredChannel => ({
  id: row.id,
  name: row.name,
  type: row.type as ChannelType,
  maskedConfig: row.config as Record<string, unknown>,
  sealedSecrets: row.secrets,
  disabledReason: row.disabledReason,
  managedBy: row.managedBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const toData = (write: ChannelWrite, managedBy: string | null) => ({
  name: write.name,
  type: write.type,
  config: write.maskedConfig as Prisma.InputJsonValue,
  secrets: write.sealedSecrets,
  managedBy,
});

function translateUniqueName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new MonitorError('CHANNEL_NAME_TAKEN', 'A channel with this name already exists', [
      { field: 'name', message: 'is already used by another channel' },
    ]);
  }
  throw error;
}

/** Runs on the app's client or, for a config file's apply, on one transaction (ConfigStateRepository). */
@Injectable()
export class ChannelRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: Prisma.TransactionClient) {}

  async create(write: ChannelWrite, managedBy: string | null = null): Promise<StoredChannel> {
    return fromRow(
      await this.prisma.channel.create({ data: toData(write, managedBy) }).catch(translateUniqueName),
    );
  }

  async list(): Promise<StoredChannel[]> {
    return (await this.prisma.channel.findMany({ orderBy: { name: 'asc' } })).map(fromRow);
  }

  async findById(id: string): Promise<StoredChannel | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.channel.findUnique({ where: { id } });
    return row && fromRow(row);
  }

  /** Saving a channel clears a 410's disablement: the user has pointed it somewhere that may listen. */
  async update(
    id: string,
    write: ChannelWrite,
    managedBy: string | null = null,
  ): Promise<StoredChannel | null> {
    const row = await this.prisma.channel
      .update({ where: { id }, data: { ...toData(write, managedBy), disabledReason: null } })
      .catch((error: unknown) => (isRecordMissing(error) ? null : translateUniqueName(error)));
    return row && fromRow(row);
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.prisma.channel.deleteMany({ where: { id } })).count > 0;
  }

  /** Per channel: its last delivery attempt and how many notifications wait for it. */
  async health(ids: readonly string[]): Promise<Map<string, ChannelHealthFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<
      {
        channel_id: string;
        at: Date | null;
        outcome: string | null;
        error: string | null;
        last_test_at: Date | null;
        last_test_ok: boolean | null;
        last_test_error: string | null;
        pending: number;
      }[]
    >`
      SELECT c.id AS channel_id, last.at, last.outcome, last.error, c.last_test_at, c.last_test_ok, c.last_test_error,
        (SELECT count(*)::int FROM notifications n
         WHERE n.channel_id = c.id AND n.delivered_at IS NULL AND n.gave_up_at IS NULL) AS pending
      FROM channels c
      LEFT JOIN LATERAL (
        SELECT a.at, a.outcome, a.error FROM delivery_attempts a JOIN notifications n ON n.id = a.notification_id
        WHERE n.channel_id = c.id ORDER BY a.at DESC LIMIT 1
      ) last ON TRUE
      WHERE c.id = ANY(${[...ids]}::uuid[])`;
    return new Map(
      rows.map((row) => [
        row.channel_id,
        {
          lastAttempt: row.at ? { at: row.at, ok: row.outcome === 'delivered', error: row.error } : null,
          lastTest: row.last_test_at
            ? { at: row.last_test_at, ok: row.last_test_ok === true, error: row.last_test_error }
            : null,
          pending: row.pending,
        },
      ]),
    );
  }

  /** Remembers the channel's last test; not an edit of the channel (its `updatedAt` stays). */
  async recordTest(id: string, test: ChannelEvidence): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE channels SET last_test_at = ${test.at}, last_test_ok = ${test.ok}, last_test_error = ${test.error}
      WHERE id = ${id}::uuid`;
  }
}
