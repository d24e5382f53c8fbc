import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Schedules of integrations that are not paused and not running, in due order. The integration is looked up per
 * schedule (OFFSET 0 keeps it a nested loop): joined, the planner reads every integration into a hash, for a scan
 * that needs the first few schedules of the index.
 */
const IDLE_SCHEDULES = Prisma.sql`
  check_schedules s
  CROSS JOIN LATERAL (SELECT FROM integrations i WHERE i.id = s.integration_id AND NOT i.paused OFFSET 0) active
  WHERE (s.lease_expires_at IS NULL OR s.lease_expires_at < now())`;

export interface ClaimedCheck {
  integrationId: string;
  dueAt: Date;
  /** Webhook integrations: the last accepted delivery, and when the integration was created. */
  lastDeliveryAt: Date | null;
  createdAt: Date;
  /** When the integration was last edited: a definition loaded since is still its definition. */
  updatedAt: Date;
}

export interface ClaimOptions {
  /**
   * Claims probes falling due within this many milliseconds too, so each can start on time (a webhook's silence
   * check is run as it is claimed, so only once it is due).
   */
  aheadMs: number;
  /**
   * Whether checks of workers whose lease has lapsed may be taken over: only by a worker that has itself been
   * reachable for a whole lease since, or an owner that was cut off with the rest might still be writing them.
   */
  takeOver: boolean;
}

export interface LeaseRenewal {
  /** False when the lease had lapsed before this renewal: another worker may have taken checks over meanwhile. */
  heldThrough: boolean;
  /** Workers whose lease holds, this one included. */
  workers: number;
  /** Checks of integrations that are not paused, and how many of them this worker owns. */
  checks: number;
  owned: number;
}

@Injectable()
export class ScheduleRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /**
   * Claims up to `limit` checks due by now plus `aheadMs` for `owner`: those nobody owns, its own, and (with
   * `takeOver`) those of workers whose lease lapsed. SKIP LOCKED lets any number of workers claim at once without
   * waiting on each other's rows; the claim marks the run in flight for one interval.
   */
  async claim(owner: string, limit: number, options: ClaimOptions): Promise<ClaimedCheck[]> {
    const rows = await this.prisma.$queryRaw<
      {
        integration_id: string;
        next_due_at: Date;
        last_delivery_at: Date | null;
        created_at: Date;
        updated_at: Date;
      }[]
    >`
      WITH due AS (
        SELECT s.integration_id, claimable.* FROM check_schedules s
        -- Looked up per due schedule, as in IDLE_SCHEDULES, with the columns the claim needs.
        CROSS JOIN LATERAL (
          SELECT i.interval_seconds, i.created_at, i.updated_at FROM integrations i
          WHERE i.id = s.integration_id AND NOT i.paused AND (i.kind = 'http' OR s.next_due_at <= now())
          OFFSET 0
        ) claimable
        -- The bound on next_due_at alone is what the index scan stops at: without it, a claim that finds fewer
        -- checks due than its limit reads every schedule there is.
        WHERE s.next_due_at <= now() + make_interval(secs => ${options.aheadMs / 1000})
          AND (s.lease_expires_at IS NULL OR s.lease_expires_at < now())
          AND (s.lease_owner IS NULL OR s.lease_owner = ${owner} OR (${options.takeOver} AND NOT EXISTS (
            SELECT 1 FROM scheduler_workers w WHERE w.id = s.lease_owner AND w.lease_expires_at > now())))
        ORDER BY s.next_due_at
        LIMIT ${limit}
        FOR UPDATE OF s SKIP LOCKED
      )
      UPDATE check_schedules s
      SET lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => due.interval_seconds)
      FROM due
      -- The array finds the claimed rows by key; a join on the CTE alone would hash every schedule.
      WHERE s.integration_id = ANY(ARRAY(SELECT integration_id FROM due)) AND s.integration_id = due.integration_id
      RETURNING s.integration_id, s.next_due_at, s.last_delivery_at, due.created_at, due.updated_at`;
    return rows.map((row) => ({
      integrationId: row.integration_id,
      dueAt: row.next_due_at,
      lastDeliveryAt: row.last_delivery_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  /** When the next check nobody is running falls due (null when none is scheduled), to sleep until then. */
  async nextDueAt(): Promise<Date | null> {
    const [row] = await this.prisma.$queryRaw<{ at: Date | null }[]>`
      SELECT s.next_due_at AS at FROM ${IDLE_SCHEDULES} ORDER BY s.next_due_at LIMIT 1`;
    return row?.at ?? null;
  }

  /** Renews `owner`'s lease for `leaseSeconds` (creating it the first time) and tells how the work is shared. */
  async renewLease(owner: string, leaseSeconds: number): Promise<LeaseRenewal> {
    const [row] = await this.prisma.$queryRaw<
      { held_through: boolean; workers: number; checks: number; owned: number }[]
    >`
      WITH previous AS (SELECT lease_expires_at FROM scheduler_workers WHERE id = ${owner}),
      renewed AS (
        INSERT INTO scheduler_workers (id, lease_expires_at, renewed_at)
        VALUES (${owner}, now() + make_interval(secs => ${leaseSeconds}), now())
        ON CONFLICT (id) DO UPDATE SET lease_expires_at = excluded.lease_expires_at, renewed_at = excluded.renewed_at
        RETURNING id
      )
      SELECT
        coalesce((SELECT lease_expires_at > now() FROM previous), true) AS held_through,
        (SELECT count(*) FROM scheduler_workers WHERE lease_expires_at > now() AND id <> ${owner})::int + 1 AS workers,
        (SELECT count(*) FROM check_schedules s JOIN integrations i ON i.id = s.integration_id WHERE NOT i.paused)::int
          AS checks,
        (SELECT count(*) FROM check_schedules WHERE lease_owner = ${owner})::int AS owned
      FROM renewed`;
    return {
      heldThrough: row!.held_through,
      workers: row!.workers,
      checks: row!.checks,
      owned: row!.owned,
    };
  }

  /**
   * Hands up to `count` of `owner`'s checks that are not running to the live worker furthest below `share`, no more
   * than it lacks, so the work spreads over the workers there are. A recipient must have renewed its lease within
   * `renewedWithinMs` (one that stopped renewing is dying, its lease only not lapsed yet). The checks due soonest go:
   * the recipient owns them at once and learns of each as it claims it when due, and until then neither worker would
   * run it through an outage, so that stretch is kept short. Only checks not due yet: one overdue may have run and
   * its result still wait in the owner's buffer (after an outage, or behind a slow database), and handed over it
   * would run again at once. Null when no worker lacks any.
   */
  async handOver(
    owner: string,
    count: number,
    share: number,
    renewedWithinMs: number,
  ): Promise<{ to: string; ids: string[] } | null> {
    const rows = await this.prisma.$queryRaw<{ integration_id: string; recipient: string }[]>`
      WITH recipient AS (
        SELECT w.id, ${share} - (SELECT count(*) FROM check_schedules c WHERE c.lease_owner = w.id)::int AS lacks
        FROM scheduler_workers w
        WHERE w.id <> ${owner} AND w.lease_expires_at > now()
          AND w.renewed_at > now() - make_interval(secs => ${renewedWithinMs / 1000})
        ORDER BY lacks DESC, w.id
        LIMIT 1
      ),
      moved AS (
        SELECT integration_id FROM check_schedules
        WHERE lease_owner = ${owner} AND (lease_expires_at IS NULL OR lease_expires_at < now())
          AND next_due_at > now()
        ORDER BY next_due_at
        LIMIT least(${count}, greatest(0, (SELECT lacks FROM recipient)))
        FOR UPDATE SKIP LOCKED
      )
      UPDATE check_schedules s SET lease_owner = recipient.id
      FROM recipient
      WHERE s.integration_id IN (SELECT integration_id FROM moved)
      RETURNING s.integration_id, recipient.id AS recipient`;
    return rows.length === 0 ? null : { to: rows[0]!.recipient, ids: rows.map((row) => row.integration_id) };
  }

  /** Moves a claimed check to a later time without a result; it stays with its owner. */
  async reschedule(integrationId: string, owner: string, nextDueAt: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE check_schedules SET next_due_at = greatest(next_due_at, ${nextDueAt}), lease_expires_at = NULL
      WHERE integration_id = ${integrationId}::uuid AND lease_owner = ${owner}`;
  }

  /** Gives claimed checks back unrun (shutdown): they are still due, so another worker runs them at once. */
  async release(owner: string, integrationIds: string[]): Promise<void> {
    if (integrationIds.length === 0) return;
    await this.prisma.$executeRaw`
      UPDATE check_schedules SET lease_owner = NULL, lease_expires_at = NULL
      WHERE integration_id = ANY(${integrationIds}::uuid[]) AND lease_owner = ${owner}`;
  }

  /** A worker that stops gives every check it owns back and its lease up, so others take them over at once. */
  async retire(owner: string): Promise<void> {
    await this.prisma.$executeRaw`
      WITH released AS (UPDATE check_schedules SET lease_owner = NULL WHERE lease_owner = ${owner})
      DELETE FROM scheduler_workers WHERE id = ${owner}`;
  }

  /** Leases that lapsed a day ago or more: their workers are gone (any checks still naming them are taken over). */
  async forgetLapsedWorkers(): Promise<void> {
    await this.prisma
      .$executeRaw`DELETE FROM scheduler_workers WHERE lease_expires_at < now() - interval '1 day'`;
  }

  async countDue(): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM ${IDLE_SCHEDULES} AND s.next_due_at <= now()`;
    return row?.n ?? 0;
  }
}
