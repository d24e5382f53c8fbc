import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

export interface ClaimedCheck {
  integrationId: string;
  dueAt: Date;
  /** Webhook integrations: the last accepted delivery, and when the integration was created. */
  lastDeliveryAt: Date | null;
  createdAt: Date;
}

@Injectable()
export class ScheduleRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /**
   * Claims up to `limit` due checks for `owner`. SKIP LOCKED lets any number of workers claim at once without
   * waiting on or taking each other's rows; the lease lasts one interval, so a check whose worker died runs
   * again one interval after it fell due, never twice within one.
   */
  async claim(owner: string, limit: number): Promise<ClaimedCheck[]> {
    const rows = await this.prisma.$queryRaw<
      { integration_id: string; next_due_at: Date; last_delivery_at: Date | null; created_at: Date }[]
    >`
      WITH due AS (
        SELECT s.integration_id FROM check_schedules s JOIN integrations i ON i.id = s.integration_id
        WHERE s.next_due_at <= now() AND NOT i.paused
          AND (s.lease_expires_at IS NULL OR s.lease_expires_at < now())
        ORDER BY s.next_due_at
        LIMIT ${limit}
        FOR UPDATE OF s SKIP LOCKED
      )
      UPDATE check_schedules s
      SET lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => i.interval_seconds)
      FROM due, integrations i
      WHERE s.integration_id = due.integration_id AND i.id = s.integration_id
      RETURNING s.integration_id, s.next_due_at, s.last_delivery_at, i.created_at`;
    return rows.map((row) => ({
      integrationId: row.integration_id,
      dueAt: row.next_due_at,
      lastDeliveryAt: row.last_delivery_at,
      createdAt: row.created_at,
    }));
  }

  /** Moves a claimed check to a later time without a result, giving its lease back. */
  async reschedule(integrationId: string, owner: string | null, nextDueAt: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE check_schedules SET next_due_at = greatest(next_due_at, ${nextDueAt}), lease_owner = NULL,
        lease_expires_at = NULL
      WHERE integration_id = ${integrationId}::uuid AND (lease_owner IS NULL OR lease_owner = ${owner})`;
  }

  /** Gives claimed checks back (shutdown): they are still due, so another worker runs them at once. */
  async release(owner: string, integrationIds: string[]): Promise<void> {
    if (integrationIds.length === 0) return;
    await this.prisma.$executeRaw`
      UPDATE check_schedules SET lease_owner = NULL, lease_expires_at = NULL
      WHERE integration_id = ANY(${integrationIds}::uuid[]) AND lease_owner = ${owner}`;
  }

  async countDue(): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM check_schedules s JOIN integrations i ON i.id = s.integration_id
      WHERE s.next_due_at <= now() AND NOT i.paused AND (s.lease_expires_at IS NULL OR s.lease_expires_at < now())`;
    return row?.n ?? 0;
  }
}
