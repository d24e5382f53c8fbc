import type { ChannelType } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

/** A notification claimed for delivery, with what its channel needs to send it (secrets still sealed). */
export interface ClaimedNotification {
  id: bigint;
  channelId: string;
  channelType: ChannelType;
  channelConfig: unknown;
  channelSecrets: Uint8Array<ArrayBuffer> | null;
  messageId: string;
  payload: unknown;
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
  due_at: Date;
  created_at: Date;
  attempts: number;
}

@Injectable()
export class NotificationRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /**
   * Claims up to `limit` due notifications for `owner` for `leaseMs`. Per channel and alert only the oldest
   * undelivered one is claimable, so a receiver always gets an alert's notifications in the order they were
   * written, whatever retries do; SKIP LOCKED lets every worker claim at once. Disabled channels keep theirs.
   */
  async claim(owner: string, limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    const rows = await this.prisma.$queryRaw<ClaimedRow[]>`
      WITH heads AS (
        SELECT DISTINCT ON (n.channel_id, n.alert_id) n.id
        FROM notifications n
        WHERE n.delivered_at IS NULL AND n.gave_up_at IS NULL
        ORDER BY n.channel_id, n.alert_id, n.id
      ), due AS (
        SELECT n.id FROM notifications n JOIN heads h ON h.id = n.id JOIN channels c ON c.id = n.channel_id
        -- Checked again here: a row another worker delivered while this claim ran is re-read under its lock.
        WHERE n.due_at <= now() AND c.disabled_reason IS NULL AND n.delivered_at IS NULL AND n.gave_up_at IS NULL
          AND (n.lease_expires_at IS NULL OR n.lease_expires_at < now())
        ORDER BY n.due_at
        LIMIT ${limit}
        FOR UPDATE OF n SKIP LOCKED
      )
      UPDATE notifications n
      SET lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000})
      FROM due, channels c
      WHERE n.id = due.id AND c.id = n.channel_id
      RETURNING n.id, n.channel_id, c.type, c.config, c.secrets, n.message_id, n.payload, n.due_at, n.created_at,
        n.attempts`;
    return rows.map((row) => ({
      id: row.id,
      channelId: row.channel_id,
      channelType: row.type as ChannelType,
      channelConfig: row.config,
      channelSecrets: row.secrets,
      messageId: row.message_id,
      payload: row.payload,
      dueAt: row.due_at,
      createdAt: row.created_at,
      attempts: row.attempts,
    }));
  }

  async delivered(id: bigint, attempt: AttemptRecord): Promise<void> {
    await this.prisma.$transaction([
      this.logAttempt(id, attempt),
      this.prisma.notification.updateMany({
        where: { id },
        data: { deliveredAt: attempt.at, attempts: { increment: 1 }, leaseOwner: null, leaseExpiresAt: null },
      }),
    ]);
  }

  /** A failed attempt: tried again at `retryAt`, or given up when it is null. */
  async failed(id: bigint, attempt: AttemptRecord, retryAt: Date | null): Promise<void> {
    await this.prisma.$transaction([
      this.logAttempt(id, attempt),
      this.prisma.notification.updateMany({
        where: { id, deliveredAt: null },
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
  async disableChannel(id: bigint, attempt: AttemptRecord, channelId: string, reason: string): Promise<void> {
    await this.prisma.$transaction([
      this.logAttempt(id, attempt),
      this.prisma.notification.updateMany({
        where: { id, deliveredAt: null },
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

  private logAttempt(notificationId: bigint, attempt: AttemptRecord) {
    return this.prisma.deliveryAttempt.create({ data: { notificationId, ...attempt } });
  }
}
