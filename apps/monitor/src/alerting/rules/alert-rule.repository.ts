import type { AlertCondition, AlertRuleDefinition } from '@ihm/contracts';
import type { Category } from '@ihm/diagnosis';
import { Prisma, PrismaClient, type AlertRule as AlertRuleRow } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { MonitorError } from '../../common/monitor-error';
import { isUuid } from '../../common/is-uuid';
import { isRecordMissing, isUniqueViolation } from '../../database/prisma-errors';

/** A stored alert rule: its definition as the API took it, with its id and times. */
export interface StoredAlertRule extends AlertRuleDefinition {
  id: string;
  /** The config file that manages it, or null when the API does. */
  managedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function fromRow(row: AlertRuleRow): StoredAlertRule {
  return {
    id: row.id,
    name: row.name,
    condition: row.condition as AlertCondition,
    scope: row.scope as { integrationIds?: string[]; tags?: string[]; categories?: Category[] },
    minSeverity: row.minSeverity as StoredAlertRule['minSeverity'],
    channelIds: row.channelIds,
    renotifyMinutes: row.renotifyMinutes,
    managedBy: row.managedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const toData = (rule: AlertRuleDefinition, managedBy: string | null) => ({
  managedBy,
  name: rule.name,
  condition: rule.condition as Prisma.InputJsonValue,
  scope: rule.scope as Prisma.InputJsonValue,
  minSeverity: rule.minSeverity,
  channelIds: rule.channelIds,
  renotifyMinutes: rule.renotifyMinutes,
});

function translateUniqueName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new MonitorError('ALERT_RULE_NAME_TAKEN', 'An alert rule with this name already exists', [
      { field: 'name', message: 'is already used by another alert rule' },
    ]);
  }
  throw error;
}

/** Runs on the app's client or, for a config file's apply, on one transaction (ConfigStateRepository). */
@Injectable()
export class AlertRuleRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: Prisma.TransactionClient) {}

  async list(): Promise<StoredAlertRule[]> {
    return (await this.prisma.alertRule.findMany({ orderBy: { name: 'asc' } })).map(fromRow);
  }

  async findById(id: string): Promise<StoredAlertRule | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.alertRule.findUnique({ where: { id } });
    return row && fromRow(row);
  }

  async create(rule: AlertRuleDefinition, managedBy: string | null = null): Promise<StoredAlertRule> {
    return fromRow(
      await this.prisma.alertRule.create({ data: toData(rule, managedBy) }).catch(translateUniqueName),
    );
  }

  async update(
    id: string,
    rule: AlertRuleDefinition,
    managedBy: string | null = null,
  ): Promise<StoredAlertRule | null> {
    const row = await this.prisma.alertRule
      .update({ where: { id }, data: toData(rule, managedBy) })
      .catch((error: unknown) => (isRecordMissing(error) ? null : translateUniqueName(error)));
    return row && fromRow(row);
  }

  /** True when a rule was deleted; its alerts and their notifications go with it. */
  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.prisma.alertRule.deleteMany({ where: { id } })).count > 0;
  }

  /** Which of `ids` name no channel. */
  async unknownChannels(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const known = await this.prisma.channel.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true },
    });
    const found = new Set(known.map((c) => c.id));
    return ids.filter((id) => !found.has(id));
  }
}
