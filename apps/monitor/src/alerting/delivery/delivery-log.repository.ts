import type { ChannelDelivery } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

interface AttemptRow {
  id: bigint;
  at: Date;
  alert_id: string | null;
  integration_id: string | null;
  integration_name: string;
  kind: string;
  message_id: string;
  outcome: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

/** The delivery log as people read it: every attempt to a channel, newest first. */
@Injectable()
export class DeliveryLogRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Up to `limit` attempts to the channel with ids below `before` (the previous page's last), newest first. */
  async forChannel(channelId: string, limit: number, before: bigint | null): Promise<ChannelDelivery[]> {
    const rows = await this.prisma.$queryRaw<AttemptRow[]>`
      SELECT d.id, d.at, n.alert_id::text, a.integration_id::text,
        -- The alert and its integration may be gone (deleted, their last notification still sent): the message names it.
        COALESCE(i.name, n.payload #>> '{integrations,0,name}', '') AS integration_name, n.kind,
        n.message_id, d.outcome, d.status, d.error, d.duration_ms
      FROM delivery_attempts d
      JOIN notifications n ON n.id = d.notification_id
      LEFT JOIN alerts a ON a.id = n.alert_id
      LEFT JOIN integrations i ON i.id = a.integration_id
      WHERE n.channel_id = ${channelId}::uuid AND (${before}::bigint IS NULL OR d.id < ${before}::bigint)
      ORDER BY d.id DESC
      LIMIT ${limit}`;
    return rows.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      alertId: row.alert_id,
      integrationId: row.integration_id,
      integrationName: row.integration_name,
      kind: row.kind,
      messageId: row.message_id,
      outcome: row.outcome as ChannelDelivery['outcome'],
      status: row.status,
      error: row.error,
      durationMs: row.duration_ms,
    }));
  }
}
