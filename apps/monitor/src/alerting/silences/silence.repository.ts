import type { SilenceRequest } from '@ihm/contracts';
import type { AlertScope, Silence as DomainSilence, WeeklyWindow } from '@ihm/diagnosis';
import { Prisma, PrismaClient, type Silence as SilenceRow } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../../common/is-uuid';

export interface StoredSilence extends DomainSilence {
  id: string;
  /** The config file that manages it, or null when the API does. */
  managedBy: string | null;
  comment: string;
  createdAt: Date;
}

const fromRow = (row: SilenceRow): StoredSilence => ({
  id: row.id,
  scope: row.scope as AlertScope,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  comment: row.comment,
  ...(row.recurrence ? { recurrence: row.recurrence as unknown as { weekly: WeeklyWindow[] } } : {}),
  managedBy: row.managedBy,
  createdAt: row.createdAt,
});

const toData = (silence: SilenceRequest, managedBy: string | null) => ({
  managedBy,
  scope: silence.scope as Prisma.InputJsonValue,
  startsAt: new Date(silence.startsAt),
  endsAt: new Date(silence.endsAt),
  comment: silence.comment,
  // A replacement without weekly windows clears the stored ones: PUT is the whole silence.
  recurrence: silence.recurrence ? (silence.recurrence as Prisma.InputJsonValue) : Prisma.DbNull,
});

/** Runs on the app's client or, for a config file's apply, on one transaction (ConfigStateRepository). */
@Injectable()
export class SilenceRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: Prisma.TransactionClient) {}

  async create(silence: SilenceRequest, managedBy: string | null = null): Promise<StoredSilence> {
    return fromRow(await this.prisma.silence.create({ data: toData(silence, managedBy) }));
  }

  /** Newest first. */
  async list(): Promise<StoredSilence[]> {
    return (await this.prisma.silence.findMany({ orderBy: { startsAt: 'desc' } })).map(fromRow);
  }

  /** The silences that have not ended at `now` (the only ones that can hold anything back). */
  async current(now: Date): Promise<StoredSilence[]> {
    return (await this.prisma.silence.findMany({ where: { endsAt: { gt: now } } })).map(fromRow);
  }

  async findById(id: string): Promise<StoredSilence | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.silence.findUnique({ where: { id } });
    return row && fromRow(row);
  }

  async update(id: string, silence: SilenceRequest): Promise<StoredSilence | null> {
    if (!isUuid(id)) return null;
    const { count } = await this.prisma.silence.updateMany({ where: { id }, data: toData(silence, null) });
    return count > 0 ? this.findById(id) : null;
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.prisma.silence.deleteMany({ where: { id } })).count > 0;
  }
}
