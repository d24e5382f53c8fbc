import type { ChannelType } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { groupClaimed } from './claimed-groups';

/** One notification of a claimed message: a group has several, in the order they became due. */
export interface ClaimedMember {
  id: bigint;
  messageId: string;
  payload: unknown;
}

/**
 * A message claimed for delivery: one notification, or a group of them to one channel (`members`, the claimed row
 * first), with what its channel needs to send it (secrets still sealed). The row's id names the whole message.
 */
export interface ClaimedNotification {
  id: bigint;
  channelId: string;
  channelType: ChannelType;
  channelConfig: unknown;
  channelSecrets: Uint8Array<ArrayBuffer> | null;
  members: ClaimedMember[];
  dueAt: Date;
  /** When it was written: retries give up a day after this. */
  createdAt: Date;
  attempts: number;
}

export interface AttemptRecord {
  at: Date;
  outcome: 'delivered' | 'failed';
  status: number | null;
  error: string | null;
  durationMs: number;
}

interface ClaimedRow {
  id: bigint;
  channel_id: string;
  type: string;
  config: unknown;
  secrets: Uint8Array<ArrayBuffer> | null;
  message_id: string;
  payload: unknown;
  group_key: string | null;
  occurred_at: Date;
  batch_id: bigint | null;
  due_at: Date;
  created_at: Date;
  attempts: number;
}

interface MemberRow {
  id: bigint;
  batch_id: bigint;
  message_id: string;
  payload: unknown;
}

type Tx = Pick<PrismaClient, '$queryRaw' | '$executeRaw'>;

@Injectable()
export class NotificationRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /**
   * Claims up to `limit` due messages for `owner` for `leaseMs`. Per channel and (rule, integration) only the oldest
   * undelivered notification is claimable, so a receiver always gets an integration's notifications in the order
   * they were written (a new alert's firing after the last one's resolution), whatever retries do; SKIP LOCKED lets every worker claim at once. Disabled channels keep theirs. A claimed
   * notification with a group key takes along, as one message, the other such notifications to its channel that
   * became due within `groupWaitMs` of it; the group is stored with it, so a retry sends the same group.
   */
  async claim(
    owner: string,
    limit: number,
    leaseMs: number,
    groupWaitMs: number,
  ): Promise<ClaimedNotification[]> {
    return this.prisma.$transaction(async (tx) => {
      const heads = await this.claimHeads(tx, owner, limit, leaseMs);
      const forming = groupClaimed(
        heads.flatMap((row) =>
          row.group_key !== null && row.batch_id === null
            ? [
                {
                  id: row.id,
                  channelId: row.channel_id,
                  groupKey: row.group_key,
                  occurredAt: row.occurred_at,
                  row,
                },
              ]
            : [],
        ),
        groupWaitMs,
      );
      const joined = [...forming].flatMap(([first, others]) =>
        others.map(({ row }) => ({
          id: row.id,
          batch_id: first.id,
          message_id: row.message_id,
          payload: row.payload,
        })),
      );
      const firsts = [...forming.keys()].map((first) => first.row);
      await this.startGroups(tx, firsts, joined);
      const members = [
        ...joined,
        ...(await this.gatherGroups(tx, firsts, groupWaitMs)),
        ...(await this.formedGroups(
          tx,
          heads.filter((row) => row.batch_id === row.id),
        )),
      ];
      const inOtherGroups = new Set(joined.map((member) => member.id));
      return heads
        .filter((row) => !inOtherGroups.has(row.id))
        .map((row) => ({
          id: row.id,
          channelId: row.channel_id,
          channelType: row.type as ChannelType,
          channelConfig: row.config,
          channelSecrets: row.secrets,
          members: [
            { id: row.id, messageId: row.message_id, payload: row.payload },
            ...members
              .filter((member) => member.batch_id === row.id && member.id !== row.id)
              .map(({ id, message_id, payload }) => ({ id, messageId: message_id, payload })),
          ],
          dueAt: row.due_at,
          createdAt: row.created_at,
          attempts: row.attempts,
        }));
    });
  }

  /** Claimed rows become their groups' firsts (alone or not), and claimed rows in their wait join them. */
  private async startGroups(
    tx: Tx,
    firsts: readonly ClaimedRow[],
    joined: readonly MemberRow[],
  ): Promise<void> {
    if (firsts.length === 0) return;
    const ids = firsts.map((row) => row.id);
    await tx.$executeRaw`UPDATE notifications SET batch_id = id WHERE id = ANY(${ids}::bigint[])`;
    if (joined.length === 0) return;
    const pairs = JSON.stringify(
      joined.map((m) => ({ id: m.id.toString(), batch_id: m.batch_id.toString() })),
    );
    await tx.$executeRaw`
      UPDATE notifications n SET batch_id = j.batch_id
      FROM jsonb_to_recordset(${pairs}::jsonb) AS j(id bigint, batch_id bigint) WHERE n.id = j.id`;
  }

  private claimHeads(tx: Tx, owner: string, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
    return tx.$queryRaw<ClaimedRow[]>`
      WITH heads AS (
        SELECT DISTINCT ON (n.channel_id, n.stream) n.id
        FROM notifications n
        WHERE n.delivered_at IS NULL AND n.gave_up_at IS NULL
        ORDER BY n.channel_id, n.stream, n.id
      ), due AS (
        SELECT n.id FROM notifications n JOIN heads h ON h.id = n.id JOIN channels c ON c.id = n.channel_id
        -- Checked again here: a row another worker delivered while this claim ran is re-read under its lock.
        WHERE n.due_at <= now() AND c.disabled_reason IS NULL AND n.delivered_at IS NULL AND n.gave_up_at IS NULL
          AND (n.lease_expires_at IS NULL OR n.lease_expires_at < now())
          -- A member of another row's group is sent with it.
          AND (n.batch_id IS NULL OR n.batch_id = n.id)
        ORDER BY n.due_at
        LIMIT ${limit}
        FOR UPDATE OF n SKIP LOCKED
      )
      UPDATE notifications n
      SET lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000})
      FROM due, channels c
      WHERE n.id = due.id AND c.id = n.channel_id
      RETURNING n.id, n.channel_id, c.type, c.config, c.secrets, n.message_id, n.payload, n.group_key, n.occurred_at,
        n.batch_id, n.due_at, n.created_at, n.attempts`;
  }

  /**
   * Fills the groups of newly claimed firsts: each takes the ungrouped, unclaimed notifications to its channel with
   * its group key that became due within the wait after it and are next in line for their (rule, integration); one that two
   * firsts would take goes to the earliest.
   */
  private async gatherGroups(
    tx: Tx,
    forming: readonly ClaimedRow[],
    groupWaitMs: number,
  ): Promise<MemberRow[]> {
    if (forming.length === 0) return [];
    const firsts = JSON.stringify(
      forming.map((row) => ({
        id: row.id.toString(),
        channel_id: row.channel_id,
        group_key: row.group_key,
        occurred_at: row.occurred_at.toISOString(),
      })),
    );
    return tx.$queryRaw<MemberRow[]>`
      WITH firsts AS (
        SELECT * FROM jsonb_to_recordset(${firsts}::jsonb)
          AS f(id bigint, channel_id uuid, group_key text, occurred_at timestamptz)
      ), candidates AS (
        SELECT m.id, m.channel_id, m.group_key, m.occurred_at FROM notifications m
        WHERE m.channel_id IN (SELECT channel_id FROM firsts) AND m.group_key IN (SELECT group_key FROM firsts)
          AND m.batch_id IS NULL AND m.delivered_at IS NULL AND m.gave_up_at IS NULL
          AND (m.lease_expires_at IS NULL OR m.lease_expires_at < now())
          AND NOT EXISTS (
            SELECT 1 FROM notifications p
            WHERE p.channel_id = m.channel_id AND p.stream = m.stream AND p.id < m.id
              AND p.delivered_at IS NULL AND p.gave_up_at IS NULL)
        FOR UPDATE OF m SKIP LOCKED
      ), chosen AS (
        SELECT DISTINCT ON (c.id) c.id, f.id AS first_id FROM candidates c
        JOIN firsts f ON f.channel_id = c.channel_id AND f.group_key = c.group_key
          AND c.occurred_at <= f.occurred_at + make_interval(secs => ${groupWaitMs / 1000})
        ORDER BY c.id, f.occurred_at, f.id
      )
      UPDATE notifications m SET batch_id = chosen.first_id FROM chosen WHERE m.id = chosen.id
      RETURNING m.id, m.batch_id, m.message_id, m.payload`;
  }

  /** The members of groups formed by an earlier claim, claimed again for a retry. */
  private async formedGroups(tx: Tx, firsts: readonly ClaimedRow[]): Promise<MemberRow[]> {
    if (firsts.length === 0) return [];
    const ids = firsts.map((row) => row.id);
    return tx.$queryRaw<MemberRow[]>`
      SELECT id, batch_id, message_id, payload FROM notifications
      WHERE batch_id = ANY(${ids}::bigint[]) AND id <> batch_id AND delivered_at IS NULL AND gave_up_at IS NULL
      ORDER BY occurred_at, id`;
  }

  /** A message delivered: `ids` are its notifications (a group's all), each logged with the attempt. */
  async delivered(ids: readonly bigint[], attempt: AttemptRecord): Promise<void> {
    await this.prisma.$transaction([
      this.logAttempt(ids, attempt),
      this.prisma.notification.updateMany({
        where: { id: { in: [...ids] } },
        data: { deliveredAt: attempt.at, attempts: { increment: 1 }, leaseOwner: null, leaseExpiresAt: null },
      }),
    ]);
  }

  /** A failed attempt: tried again at `retryAt`, or given up when it is null. */
  async failed(ids: readonly bigint[], attempt: AttemptRecord, retryAt: Date | null): Promise<void> {
    await this.prisma.$transaction([
      this.logAttempt(ids, attempt),
      this.prisma.notification.updateMany({
        where: { id: { in: [...ids] }, deliveredAt: null },
        data: {
          attempts: { increment: 1 },
          leaseOwner: null,
          leaseExpiresAt: null,
          ...(retryAt ? { dueAt: retryAt } : { gaveUpAt: attempt.at }),
        },
      }),
    ]);
  }

  /** The receiver said 410 Gone: the channel sends nothing more until it is edited; its notifications wait. */
  async disableChannel(
    ids: readonly bigint[],
    attempt: AttemptRecord,
    channelId: string,
    reason: string,
  ): Promise<void> {
    await this.prisma.$transaction([
      this.logAttempt(ids, attempt),
      this.prisma.notification.updateMany({
        where: { id: { in: [...ids] }, deliveredAt: null },
        data: { attempts: { increment: 1 }, leaseOwner: null, leaseExpiresAt: null },
      }),
      this.prisma.channel.update({ where: { id: channelId }, data: { disabledReason: reason } }),
    ]);
  }

  /** Gives claimed notifications back (shutdown), so another worker sends them at once. */
  async release(owner: string, ids: bigint[]): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.notification.updateMany({
      where: { id: { in: ids }, leaseOwner: owner },
      data: { leaseOwner: null, leaseExpiresAt: null },
    });
  }

  private logAttempt(ids: readonly bigint[], attempt: AttemptRecord) {
    return this.prisma.deliveryAttempt.createMany({
      data: ids.map((notificationId) => ({ notificationId, ...attempt })),
    });
  }
}
