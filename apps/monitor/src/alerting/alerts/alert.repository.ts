import type { AlertListQuery, Delivery } from '@ihm/contracts';
import type { AlertNotification, AlertState, Category } from '@ihm/diagnosis';
import { PrismaClient, type Prisma } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../../common/is-uuid';
import type { StoredEvaluation } from '../evaluation/alert-evaluation.repository';
import { fromStoredJson, toStoredJson } from '../evaluation/stored-json';

export interface StoredAlert {
  id: string;
  key: string;
  ruleId: string;
  ruleName: string;
  integrationId: string;
  integrationName: string;
  state: 'pending' | 'firing' | 'resolved';
  category: Category;
  severity: 'degraded' | 'down';
  message: string;
  troubleshooting: string[];
  flapping: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
}

const SELECT = {
  id: true,
  key: true,
  ruleId: true,
  integrationId: true,
  state: true,
  category: true,
  severity: true,
  message: true,
  troubleshooting: true,
  flapping: true,
  acknowledgedBy: true,
  acknowledgedAt: true,
  startedAt: true,
  firedAt: true,
  resolvedAt: true,
  rule: { select: { name: true } },
  integration: { select: { name: true } },
} satisfies Prisma.AlertSelect;

type Row = Prisma.AlertGetPayload<{ select: typeof SELECT }>;

const fromRow = ({ rule, integration, ...row }: Row): StoredAlert => ({
  ...row,
  state: row.state as StoredAlert['state'],
  severity: row.severity as StoredAlert['severity'],
  ruleName: rule.name,
  integrationName: integration.name,
});

@Injectable()
export class AlertRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async list(query: AlertListQuery): Promise<StoredAlert[]> {
    const rows = await this.prisma.alert.findMany({
      where: {
        ...(query.state ? { state: query.state } : {}),
        ...(query.integrationId ? { integrationId: query.integrationId } : {}),
        ...(query.category ? { category: query.category } : {}),
      },
      // Firing, then pending, then resolved (the states sort so by name), newest first within each.
      orderBy: [{ state: 'asc' }, { startedAt: 'desc' }],
      take: query.limit,
      select: SELECT,
    });
    return rows.map(fromRow);
  }

  async findById(id: string): Promise<StoredAlert | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.alert.findUnique({ where: { id }, select: SELECT });
    return row && fromRow(row);
  }

  /**
   * Every notification of the alert and every attempt to deliver one, oldest first: attempts as they went,
   * notifications not tried yet as `queued`, and those a silence holds back as `held`.
   */
  async deliveries(alert: Pick<StoredAlert, 'id' | 'key'>): Promise<Delivery[]> {
    const [rows, held] = await Promise.all([
      this.prisma.notification.findMany({
        where: { alertId: alert.id },
        orderBy: { id: 'asc' },
        select: {
          channelId: true,
          channel: { select: { name: true } },
          messageId: true,
          kind: true,
          createdAt: true,
          deliveredAt: true,
          gaveUpAt: true,
          attemptsLog: {
            orderBy: { at: 'asc' },
            select: { at: true, outcome: true, status: true, error: true },
          },
        },
      }),
      this.prisma.heldNotification.findMany({
        where: { alertKey: alert.key },
        orderBy: { id: 'asc' },
        select: { notification: true },
      }),
    ]);
    const sent = rows.flatMap((n) => {
      const about = {
        channelId: n.channelId,
        channelName: n.channel.name,
        messageId: n.messageId,
        kind: n.kind,
      };
      const attempts = n.attemptsLog.map((a) => ({
        ...about,
        at: a.at.toISOString(),
        outcome: a.outcome as Delivery['outcome'],
        status: a.status,
        error: a.error,
      }));
      const queued = !n.deliveredAt && !n.gaveUpAt && attempts.length === 0;
      return queued
        ? [{ ...about, at: n.createdAt.toISOString(), outcome: 'queued' as const, status: null, error: null }]
        : attempts;
    });
    const silenced = held.map(({ notification }) => {
      const { kind, at } = fromStoredJson<Pick<AlertNotification, 'kind' | 'at'>>(notification);
      return {
        channelId: null,
        channelName: null,
        messageId: null,
        kind,
        at: at.toISOString(),
        outcome: 'held' as const,
        status: null,
        error: null,
      };
    });
    return [...sent, ...silenced].sort((a, b) => a.at.localeCompare(b.at));
  }

  /** How many alerts are in each state under the query's filters other than state and limit. */
  async counts(
    query: Pick<AlertListQuery, 'integrationId' | 'category'>,
  ): Promise<Record<StoredAlert['state'], number>> {
    const groups = await this.prisma.alert.groupBy({
      by: ['state'],
      where: {
        ...(query.integrationId ? { integrationId: query.integrationId } : {}),
        ...(query.category ? { category: query.category } : {}),
      },
      _count: { _all: true },
    });
    const count = (state: StoredAlert['state']) => groups.find((g) => g.state === state)?._count._all ?? 0;
    return { pending: count('pending'), firing: count('firing'), resolved: count('resolved') };
  }

  /**
   * Applies `change` to the evaluation state that owns the alert, under its lock, and writes the alert's row
   * from the result: the state and the row never disagree. Answers the alert as it is then, or null when the
   * state has moved on to another alert.
   */
  async updateState(
    alert: Pick<StoredAlert, 'id' | 'key' | 'ruleId' | 'integrationId'>,
    change: (state: AlertState) => AlertState,
  ): Promise<AlertState['alert']> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ state: unknown }[]>`
        SELECT state FROM alert_evaluations WHERE rule_id = ${alert.ruleId}::uuid AND integration_id = ${alert.integrationId}::uuid
        FOR UPDATE`;
      const stored = row ? fromStoredJson<StoredEvaluation | null>(row.state) : null;
      if (!stored || stored.state.alert?.key !== alert.key) return null;
      const next = change(stored.state);
      await tx.$executeRaw`
        UPDATE alert_evaluations SET state = ${toStoredJson({ ...stored, state: next })}::jsonb, updated_at = now()
        WHERE rule_id = ${alert.ruleId}::uuid AND integration_id = ${alert.integrationId}::uuid`;
      const acknowledged = next.alert && next.alert.state !== 'pending' ? next.alert.acknowledged : null;
      await tx.alert.updateMany({
        where: { id: alert.id, key: alert.key },
        data: { acknowledgedBy: acknowledged?.by ?? null, acknowledgedAt: acknowledged?.at ?? null },
      });
      return next.alert;
    });
  }

  /**
   * Deletes alerts resolved before `before`, with their notifications and attempts, in chunks; an alert with a
   * notification still to deliver stays until it is delivered or given up. So do the settled notifications of
   * alerts already gone. Says how many alerts went.
   */
  async deleteResolvedBefore(before: Date, chunk = 1000): Promise<number> {
    await this.prisma.$executeRaw`
      DELETE FROM notifications
      WHERE alert_id IS NULL AND created_at < ${before} AND (delivered_at IS NOT NULL OR gave_up_at IS NOT NULL)`;
    let deleted = 0;
    for (let removed = chunk; removed === chunk; deleted += removed) {
      // Their notifications go in the same statement: alone, the alert's deletion would only orphan them.
      removed = await this.prisma.$executeRaw`
        WITH doomed AS (
          SELECT a.id FROM alerts a
          WHERE a.state = 'resolved' AND a.resolved_at < ${before}
            AND NOT EXISTS (
              SELECT 1 FROM notifications n
              WHERE n.alert_id = a.id AND n.delivered_at IS NULL AND n.gave_up_at IS NULL)
          LIMIT ${chunk}
        ), notifications_gone AS (
          DELETE FROM notifications n USING doomed WHERE n.alert_id = doomed.id
        )
        DELETE FROM alerts a USING doomed WHERE a.id = doomed.id`;
    }
    return deleted;
  }
}
