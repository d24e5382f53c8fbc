import type { Alert, AlertIntegration, AlertNotification, AlertState, Release } from '@ihm/diagnosis';
import type { ChannelType } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { fromStoredJson, toStoredJson } from './stored-json';

export interface EvaluationKey {
  ruleId: string;
  integrationId: string;
}

/** A notification to put in the outbox for each of the channels, once its alert has a row. */
export interface OutboxEntry {
  alertKey: string;
  channelIds: readonly string[];
  messageId: string;
  kind: string;
  /** When it became due. */
  occurredAt: Date;
  /** For a channel of this type: what a group of its notifications shares (null: sent alone), and when it is due. */
  routing: (channelType: ChannelType) => { groupKey: string | null; dueAt: Date };
  payload: (alertId: string) => unknown;
}

/** A (rule, integration)'s state, and the start of the newest result it has taken in. */
export interface StoredEvaluation {
  upTo: Date;
  state: AlertState;
}

export interface EvaluationWrites {
  states: (StoredEvaluation & { key: EvaluationKey })[];
  /** Alerts that changed, with the rule and integration they belong to. */
  alerts: (EvaluationKey & { alert: Alert })[];
  /** Keys of pending alerts whose condition stopped holding before they fired: they leave no row. */
  lapsed: string[];
  outbox: OutboxEntry[];
  /** Notifications a silence holds back, kept until it is over. */
  held: { ruleId: string; notification: AlertNotification }[];
}

/** An open alert's (rule, integration), as closing reads it. */
export interface OpenEvaluation {
  key: EvaluationKey;
  stored: StoredEvaluation;
  rule: { id: string; name: string; channelIds: string[] };
  integration: AlertIntegration;
}

/** Puts a released notification in the outbox for the rule's channels, once its alert's row id is known. */
export type ReleasedEntry = (notification: AlertNotification, channelIds: readonly string[]) => OutboxEntry;

const pairKey = ({ ruleId, integrationId }: EvaluationKey) => `${ruleId}|${integrationId}`;
const json = (value: unknown) => JSON.stringify(value);

/**
 * Alert state, alerts and the outbox, written together: one transaction per batch locks the (rule, integration)
 * states it reads, so that two processes evaluating results of one integration take turns, and a notification
 * is in the outbox exactly when the state change that caused it is stored.
 */
@Injectable()
export class AlertEvaluationRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Whether the database answers at all: tells an outage from a batch it refuses. */
  async isReachable(): Promise<boolean> {
    return this.prisma.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
  }

  async integrations(ids: readonly string[]): Promise<AlertIntegration[]> {
    if (ids.length === 0) return [];
    return this.prisma.integration.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, name: true, tags: true },
    });
  }

  async evaluate(
    keys: readonly EvaluationKey[],
    run: (states: ReadonlyMap<string, StoredEvaluation | null>) => EvaluationWrites,
  ): Promise<void> {
    if (keys.length === 0) return;
    // Sorted, so that two batches creating the same new pairs insert and lock them in one order.
    const sorted = [...keys].sort((a, b) => pairKey(a).localeCompare(pairKey(b)));
    const pairs = json(sorted.map((k) => ({ rule_id: k.ruleId, integration_id: k.integrationId })));
    await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`
        INSERT INTO alert_evaluations (rule_id, integration_id, state, updated_at)
        SELECT p.rule_id, p.integration_id, 'null'::jsonb, now()
        FROM json_to_recordset(${pairs}::json) AS p(rule_id uuid, integration_id uuid)
        WHERE EXISTS (SELECT 1 FROM integrations i WHERE i.id = p.integration_id)
          AND EXISTS (SELECT 1 FROM alert_rules r WHERE r.id = p.rule_id)
        ORDER BY p.rule_id, p.integration_id
        ON CONFLICT DO NOTHING`;
        // Locked in one order, so that two batches never wait on each other crosswise.
        const rows = await tx.$queryRaw<{ rule_id: string; integration_id: string; state: unknown }[]>`
        SELECT e.rule_id::text, e.integration_id::text, e.state FROM alert_evaluations e
        JOIN json_to_recordset(${pairs}::json) AS p(rule_id uuid, integration_id uuid)
          ON p.rule_id = e.rule_id AND p.integration_id = e.integration_id
        ORDER BY e.rule_id, e.integration_id
        FOR UPDATE OF e`;
        const states = new Map(
          rows.map((row) => [
            pairKey({ ruleId: row.rule_id, integrationId: row.integration_id }),
            fromStoredJson<StoredEvaluation | null>(row.state),
          ]),
        );
        await this.write(tx, new Set(states.keys()), run(states));
      },
      // Lock waits under load can pass Prisma's 5 s default: a batch that gives up is retried, then skipped.
      { maxWait: 10_000, timeout: 30_000 },
    );
  }

  /**
   * Time-driven evaluation: up to `limit` firing alerts that a reminder or the end of flapping could concern, their
   * (rule, integration) states locked (SKIP LOCKED: a state another batch holds is taken next time), decided by
   * `run` and written like a batch of results.
   */
  async evaluateDue(
    limit: number,
    run: (
      due: { key: EvaluationKey; stored: StoredEvaluation; integration: AlertIntegration }[],
    ) => EvaluationWrites,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<
        { rule_id: string; integration_id: string; state: unknown; name: string; tags: string[] }[]
      >`
        SELECT e.rule_id::text, e.integration_id::text, e.state, i.name, i.tags
        FROM alert_evaluations e
        JOIN alerts a ON a.rule_id = e.rule_id AND a.integration_id = e.integration_id AND a.state = 'firing'
        JOIN alert_rules r ON r.id = e.rule_id
        JOIN integrations i ON i.id = e.integration_id
        -- Flapping ones are few; a reminder is due by the alert's lastNotifiedAt in the stored state (toStoredJson).
        WHERE a.flapping OR (r.renotify_minutes IS NOT NULL AND a.acknowledged_at IS NULL
          AND (e.state #>> '{state,alert,lastNotifiedAt,$date}')::timestamptz
            <= now() - make_interval(mins => r.renotify_minutes))
        ORDER BY e.updated_at
        LIMIT ${limit}
        FOR UPDATE OF e SKIP LOCKED`;
      const due = rows.flatMap((row) => {
        const stored = fromStoredJson<StoredEvaluation | null>(row.state);
        if (!stored) return [];
        const key = { ruleId: row.rule_id, integrationId: row.integration_id };
        return [{ key, stored, integration: { id: row.integration_id, name: row.name, tags: row.tags } }];
      });
      if (due.length === 0) return;
      await this.write(tx, new Set(due.map(({ key }) => pairKey(key))), run(due));
    });
  }

  /**
   * The (rule, integration) pairs with an open alert (pending or firing) of one integration or one rule, their states
   * locked (in one order, like batches of results), with the rule and integration they are about; `run` decides
   * and what it decides is written like a batch of results. Closing uses it before a deletion.
   */
  async evaluateOpen(
    of: { integrationId: string } | { ruleId: string },
    run: (open: OpenEvaluation[]) => EvaluationWrites,
  ): Promise<void> {
    const integrationId = 'integrationId' in of ? of.integrationId : null;
    const ruleId = 'ruleId' in of ? of.ruleId : null;
    await this.prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<
          {
            rule_id: string;
            integration_id: string;
            state: unknown;
            name: string;
            tags: string[];
            rule_name: string;
            channel_ids: string[];
          }[]
        >`
        SELECT e.rule_id::text, e.integration_id::text, e.state, i.name, i.tags, r.name AS rule_name,
          r.channel_ids::text[] AS channel_ids
        FROM alert_evaluations e
        JOIN alerts a ON a.rule_id = e.rule_id AND a.integration_id = e.integration_id
          AND a.state IN ('pending', 'firing')
        JOIN alert_rules r ON r.id = e.rule_id
        JOIN integrations i ON i.id = e.integration_id
        WHERE (${integrationId}::uuid IS NULL OR e.integration_id = ${integrationId}::uuid)
          AND (${ruleId}::uuid IS NULL OR e.rule_id = ${ruleId}::uuid)
        ORDER BY e.rule_id, e.integration_id
        FOR UPDATE OF e`;
        const open = rows.flatMap((row) => {
          const stored = fromStoredJson<StoredEvaluation | null>(row.state);
          if (!stored) return [];
          return [
            {
              key: { ruleId: row.rule_id, integrationId: row.integration_id },
              stored,
              rule: { id: row.rule_id, name: row.rule_name, channelIds: row.channel_ids },
              integration: { id: row.integration_id, name: row.name, tags: row.tags },
            },
          ];
        });
        if (open.length === 0) return;
        await this.write(tx, new Set(open.map(({ key }) => pairKey(key))), run(open));
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  }

  /** What an evaluation decided, for the (rule, integration) pairs whose states it holds locked. */
  private async write(
    tx: Pick<PrismaClient, '$queryRaw' | '$executeRaw'>,
    locked: ReadonlySet<string>,
    writes: EvaluationWrites,
  ): Promise<void> {
    const stored = writes.states.filter(({ key }) => locked.has(pairKey(key)));
    await tx.$executeRaw`
    UPDATE alert_evaluations e SET state = w.state, updated_at = now()
    FROM json_to_recordset(${toStoredJson(stored.map(({ key, upTo, state }) => ({ rule_id: key.ruleId, integration_id: key.integrationId, state: { upTo, state } })))}::json)
      AS w(rule_id uuid, integration_id uuid, state jsonb)
    WHERE e.rule_id = w.rule_id AND e.integration_id = w.integration_id`;
    if (writes.lapsed.length > 0)
      await tx.$executeRaw`DELETE FROM alerts WHERE key = ANY(${writes.lapsed}::text[]) AND state = 'pending'`;
    await this.upsertAlerts(
      tx,
      writes.alerts.filter((a) => locked.has(pairKey(a))),
    );
    await tx.$executeRaw`
    INSERT INTO held_notifications (rule_id, alert_key, notification)
    SELECT h.rule_id, h.alert_key, h.notification
    FROM json_to_recordset(${toStoredJson(writes.held.map(({ ruleId, notification }) => ({ rule_id: ruleId, alert_key: notification.alertKey, notification })))}::json)
      AS h(rule_id uuid, alert_key text, notification jsonb)
    WHERE EXISTS (SELECT 1 FROM alert_rules r WHERE r.id = h.rule_id)`;
    await this.insertOutbox(tx, writes.outbox);
  }

  /**
   * What silences held, decided again now (`decide`: releaseHeld): released notifications leave the hold, those to
   * send go to the outbox for their rules' channels, in one transaction. SKIP LOCKED: workers release in turns.
   */
  async releaseHeld(
    decide: (held: AlertNotification[], alerts: Alert[]) => Release,
    entry: ReleasedEntry,
  ): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: bigint; rule_id: string; notification: unknown }[]>`
        SELECT id, rule_id::text, notification FROM held_notifications ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const held = rows.map((row) => ({
        ...row,
        notification: fromStoredJson<AlertNotification>(row.notification),
      }));
      const pairs = toStoredJson(
        held.map(({ rule_id, notification }) => ({ rule_id, integration_id: notification.integration.id })),
      );
      const states = await tx.$queryRaw<{ state: unknown }[]>`
        SELECT e.state FROM alert_evaluations e
        JOIN json_to_recordset(${pairs}::json) AS p(rule_id uuid, integration_id uuid)
          ON p.rule_id = e.rule_id AND p.integration_id = e.integration_id`;
      const alerts = states.flatMap(({ state }) => {
        const alert = fromStoredJson<StoredEvaluation | null>(state)?.state.alert;
        return alert ? [alert] : [];
      });
      const release = decide(
        held.map((h) => h.notification),
        alerts,
      );
      const released = new Set(release.released);
      const releasedIds = held.filter((h) => released.has(h.notification)).map((h) => h.id);
      if (releasedIds.length > 0)
        await tx.$executeRaw`DELETE FROM held_notifications WHERE id = ANY(${releasedIds}::bigint[])`;
      const channels = await tx.$queryRaw<{ id: string; channel_ids: string[] }[]>`
        SELECT id::text, channel_ids::text[] FROM alert_rules WHERE id = ANY(${[...new Set(held.map((h) => h.rule_id))]}::uuid[])`;
      const channelsOf = new Map(channels.map((r) => [r.id, r.channel_ids]));
      await this.insertOutbox(
        tx,
        release.send.map((n) => entry(n, channelsOf.get(n.rule.id) ?? [])),
      );
      return releasedIds.length;
    });
  }

  /** Outbox rows for each entry's channels, for alerts that have their row. */
  private async insertOutbox(
    tx: Pick<PrismaClient, '$queryRaw' | '$executeRaw'>,
    outbox: readonly OutboxEntry[],
  ) {
    if (outbox.length === 0) return;
    const keys = [...new Set(outbox.map((e) => e.alertKey))];
    const rows = await tx.$queryRaw<{ id: string; key: string; stream: string }[]>`
      SELECT id::text, key, rule_id::text || '|' || integration_id::text AS stream
      FROM alerts WHERE key = ANY(${keys}::text[])`;
    const alerts = new Map(rows.map((row) => [row.key, row]));
    const channels = await tx.$queryRaw<{ id: string; type: ChannelType }[]>`
      SELECT id::text, type FROM channels WHERE id = ANY(${[...new Set(outbox.flatMap((e) => e.channelIds))]}::uuid[])`;
    const typeOf = new Map(channels.map((channel) => [channel.id, channel.type]));
    const notifications = outbox.flatMap((entry) => {
      const alert = alerts.get(entry.alertKey);
      if (!alert) return [];
      return entry.channelIds.flatMap((channelId) => {
        const type = typeOf.get(channelId);
        if (!type) return [];
        const { groupKey, dueAt } = entry.routing(type);
        return [
          {
            alert_id: alert.id,
            channel_id: channelId,
            stream: alert.stream,
            message_id: entry.messageId,
            kind: entry.kind,
            payload: entry.payload(alert.id),
            group_key: groupKey,
            occurred_at: entry.occurredAt.toISOString(),
            due_at: dueAt.toISOString(),
          },
        ];
      });
    });
    await tx.$executeRaw`
      INSERT INTO notifications (alert_id, channel_id, stream, message_id, kind, payload, group_key, occurred_at, due_at)
      SELECT n.alert_id, n.channel_id, n.stream, n.message_id, n.kind, n.payload, n.group_key, n.occurred_at, n.due_at
      FROM json_to_recordset(${toStoredJson(notifications)}::json)
        AS n(alert_id uuid, channel_id uuid, stream text, message_id text, kind text, payload jsonb, group_key text,
          occurred_at timestamptz, due_at timestamptz)
      WHERE EXISTS (SELECT 1 FROM channels c WHERE c.id = n.channel_id)
      ON CONFLICT (message_id, channel_id) DO NOTHING`;
  }

  /** The alerts' rows, by key. */
  private async upsertAlerts(
    tx: Pick<PrismaClient, '$executeRaw'>,
    alerts: EvaluationWrites['alerts'],
  ): Promise<void> {
    if (alerts.length === 0) return;
    const rows = alerts.map(({ ruleId, integrationId, alert }) => ({
      key: alert.key,
      rule_id: ruleId,
      integration_id: integrationId,
      state: alert.state,
      category: alert.cause.category,
      severity: alert.cause.severity,
      message: alert.cause.message,
      troubleshooting: alert.cause.troubleshooting,
      flapping: alert.state === 'firing' && alert.flapping !== null,
      acknowledged_by: alert.state === 'pending' ? null : (alert.acknowledged?.by ?? null),
      acknowledged_at: alert.state === 'pending' ? null : (alert.acknowledged?.at ?? null),
      started_at: alert.startedAt,
      fired_at: alert.state === 'pending' ? null : alert.firedAt,
      resolved_at: alert.state === 'resolved' ? alert.resolvedAt : null,
    }));
    await tx.$executeRaw`
      INSERT INTO alerts AS a (key, rule_id, integration_id, state, category, severity, message, troubleshooting, flapping,
        acknowledged_by, acknowledged_at, started_at, fired_at, resolved_at, updated_at)
      SELECT r.key, r.rule_id, r.integration_id, r.state, r.category, r.severity, r.message, r.troubleshooting,
        r.flapping, r.acknowledged_by, r.acknowledged_at, r.started_at, r.fired_at, r.resolved_at, now()
      FROM json_to_recordset(${json(rows)}::json) AS r(key text, rule_id uuid, integration_id uuid, state text,
        category "Category", severity text, message text, troubleshooting text[], flapping boolean,
        acknowledged_by text, acknowledged_at timestamptz, started_at timestamptz, fired_at timestamptz,
        resolved_at timestamptz)
      ON CONFLICT (key) DO UPDATE SET state = excluded.state, category = excluded.category,
        severity = excluded.severity, message = excluded.message, troubleshooting = excluded.troubleshooting,
        flapping = excluded.flapping, acknowledged_by = excluded.acknowledged_by,
        acknowledged_at = excluded.acknowledged_at, fired_at = excluded.fired_at, resolved_at = excluded.resolved_at,
        updated_at = now()`;
  }
}
