import type { LearnedShape, ResponseShape, ShapeChange } from '@ihm/diagnosis';
import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../common/is-uuid';

/** A drift as stored: when it began and was last seen, what changed, and how it ended. */
export interface StoredDrift {
  id: string;
  startedAt: Date;
  lastSeenAt: Date;
  changes: ShapeChange[];
  shape: ResponseShape;
  endedAt: Date | null;
  /** `returned`: the learned shape came back; `changed`: it drifted another way; `accepted`: someone accepted it. */
  endReason: 'returned' | 'changed' | 'accepted' | null;
  acceptedBy: string | null;
}

/** What one integration's drift checks start from: its learned shape and its open drift, if any. */
export interface ShapeState {
  learned: LearnedShape | null;
  open: { id: string; changes: ShapeChange[] } | null;
}

/** At most this many past drifts are kept per integration (the open one among them). */
const HISTORY_KEPT = 50;

const toDrift = (row: {
  id: bigint;
  startedAt: Date;
  lastSeenAt: Date;
  changes: Prisma.JsonValue;
  shape: Prisma.JsonValue;
  endedAt: Date | null;
  endReason: string | null;
  acceptedBy: string | null;
}): StoredDrift => ({
  id: row.id.toString(),
  startedAt: row.startedAt,
  lastSeenAt: row.lastSeenAt,
  changes: row.changes as unknown as ShapeChange[],
  shape: row.shape as unknown as ResponseShape,
  endedAt: row.endedAt,
  endReason: row.endReason as StoredDrift['endReason'],
  acceptedBy: row.acceptedBy,
});

const json = (value: unknown) => value as Prisma.InputJsonValue;

@Injectable()
export class ResponseShapeRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** The states of several integrations in two queries; one with nothing stored has none learned. */
  async states(ids: readonly string[]): Promise<Map<string, ShapeState>> {
    const [shapes, open] = await Promise.all([
      this.prisma.responseShape.findMany({ where: { integrationId: { in: [...ids] } } }),
      this.prisma.shapeDrift.findMany({
        where: { integrationId: { in: [...ids] }, endedAt: null },
        select: { id: true, integrationId: true, changes: true },
      }),
    ]);
    const states = new Map<string, ShapeState>(ids.map((id) => [id, { learned: null, open: null }]));
    for (const row of shapes) states.get(row.integrationId)!.learned = row.learned as unknown as LearnedShape;
    for (const row of open)
      states.get(row.integrationId)!.open = {
        id: row.id.toString(),
        changes: row.changes as unknown as ShapeChange[],
      };
    return states;
  }

  /** Stores learned shapes, several in one statement (learning writes come in bursts as integrations start). */
  async saveLearned(learned: ReadonlyMap<string, LearnedShape>): Promise<void> {
    if (learned.size === 0) return;
    const ids = [...learned.keys()];
    const shapes = ids.map((id) => JSON.stringify(learned.get(id)));
    // Integrations deleted meanwhile are skipped by the join, not an error.
    await this.prisma.$executeRaw`
      INSERT INTO response_shapes (integration_id, learned, updated_at)
      SELECT i.id, s.learned::jsonb, now()
      FROM unnest(${ids}::uuid[], ${shapes}::text[]) AS s(id, learned) JOIN integrations i ON i.id = s.id
      ON CONFLICT (integration_id) DO UPDATE SET learned = EXCLUDED.learned, updated_at = now()`;
  }

  /** A new drift (ending the open one, whose changes differed) and its history trimmed; answers its id. */
  async openDrift(
    integrationId: string,
    changes: ShapeChange[],
    shape: ResponseShape,
    at: Date,
  ): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      await tx.shapeDrift.updateMany({
        where: { integrationId, endedAt: null },
        data: { endedAt: at, endReason: 'changed' },
      });
      const row = await tx.shapeDrift.create({
        data: { integrationId, startedAt: at, lastSeenAt: at, changes: json(changes), shape: json(shape) },
      });
      const kept = await tx.shapeDrift.findMany({
        where: { integrationId },
        orderBy: { startedAt: 'desc' },
        skip: HISTORY_KEPT,
        select: { id: true },
      });
      if (kept.length > 0) await tx.shapeDrift.deleteMany({ where: { id: { in: kept.map((k) => k.id) } } });
      return row.id.toString();
    });
  }

  /** The open drift seen again: its latest shape and time. False when it has ended meanwhile (accepted). */
  async touchDrift(id: string, shape: ResponseShape, at: Date): Promise<boolean> {
    const { count } = await this.prisma.shapeDrift.updateMany({
      where: { id: BigInt(id), endedAt: null },
      data: { lastSeenAt: at, shape: json(shape) },
    });
    return count > 0;
  }

  /** The learned shape came back: the open drift ends. */
  async endDrift(integrationId: string, at: Date): Promise<void> {
    await this.prisma.shapeDrift.updateMany({
      where: { integrationId, endedAt: null },
      data: { endedAt: at, endReason: 'returned' },
    });
  }

  /** Newest first. */
  async history(integrationId: string): Promise<StoredDrift[]> {
    if (!isUuid(integrationId)) return [];
    return (
      await this.prisma.shapeDrift.findMany({ where: { integrationId }, orderBy: { startedAt: 'desc' } })
    ).map(toDrift);
  }

  async learned(integrationId: string): Promise<LearnedShape | null> {
    if (!isUuid(integrationId)) return null;
    const row = await this.prisma.responseShape.findUnique({ where: { integrationId } });
    return (row?.learned as unknown as LearnedShape | undefined) ?? null;
  }

  async openDriftOf(integrationId: string): Promise<StoredDrift | null> {
    if (!isUuid(integrationId)) return null;
    const row = await this.prisma.shapeDrift.findFirst({ where: { integrationId, endedAt: null } });
    return row && toDrift(row);
  }

  /** Accepting: the new learned shape and the drift's end, together. */
  async accept(
    integrationId: string,
    driftId: string,
    learned: LearnedShape,
    by: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.responseShape.upsert({
        where: { integrationId },
        create: { integrationId, learned: json(learned) },
        update: { learned: json(learned), updatedAt: at },
      }),
      this.prisma.shapeDrift.updateMany({
        where: { id: BigInt(driftId), endedAt: null },
        data: { endedAt: at, endReason: 'accepted', acceptedBy: by },
      }),
    ]);
  }
}
