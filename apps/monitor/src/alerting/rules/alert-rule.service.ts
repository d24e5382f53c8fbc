import {
  AlertRuleRequestSchema,
  toFieldErrors,
  type AlertRule,
  type AlertRuleDefinition,
  type AlertRuleList,
  type AlertRulePatch,
} from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { managedByFile, MonitorError } from '../../common/monitor-error';
import { AlertCloser } from '../evaluation/alert-closer.service';
import { AlertRuleRepository, type StoredAlertRule } from './alert-rule.repository';

/** Rules change rarely and are read for every batch of results: a short cache, refreshed on every change here. */
const CACHE_MS = 5_000;

export function toAlertRule(rule: StoredAlertRule): AlertRule {
  return { ...rule, createdAt: rule.createdAt.toISOString(), updatedAt: rule.updatedAt.toISOString() };
}

@Injectable()
export class AlertRuleService {
  private cache: { rules: Promise<StoredAlertRule[]>; at: number } | null = null;

  constructor(
    private readonly repository: AlertRuleRepository,
    private readonly alerts: AlertCloser,
  ) {}

  async list(): Promise<AlertRuleList> {
    return { items: (await this.repository.list()).map(toAlertRule) };
  }

  async get(id: string): Promise<AlertRule> {
    return toAlertRule(await this.find(id));
  }

  async create(rule: AlertRuleDefinition): Promise<AlertRule> {
    await this.rejectUnknownChannels(rule.channelIds);
    return this.changed(toAlertRule(await this.repository.create(rule)));
  }

  /** Merges the change into the stored rule and checks the whole again. */
  async update(id: string, patch: AlertRulePatch): Promise<AlertRule> {
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      managedBy: _m,
      minSeverity,
      ...stored
    } = refuseIfManaged(await this.find(id));
    // A new condition without a severity takes its own default, not the old condition's.
    const kept = patch.condition && !patch.minSeverity ? {} : { minSeverity };
    const parsed = AlertRuleRequestSchema.safeParse({ ...stored, ...kept, ...patch });
    if (!parsed.success) throw invalid(toFieldErrors(parsed.error));
    await this.rejectUnknownChannels(parsed.data.channelIds);
    const updated = await this.repository.update(id, parsed.data);
    if (!updated) throw notFound(id);
    // Alerts on integrations the new scope leaves out would never hear of them again: resolved now.
    if (JSON.stringify(updated.scope) !== JSON.stringify(stored.scope))
      await this.alerts.scopeChanged(updated);
    return this.changed(toAlertRule(updated));
  }

  /** Its firing alerts are resolved and announced first; its alerts go with it. */
  async remove(id: string): Promise<void> {
    refuseIfManaged(await this.find(id));
    await this.alerts.ruleDeleted(id);
    if (!(await this.repository.delete(id))) throw notFound(id);
    this.changed(null);
  }

  /** Every rule, as evaluation reads them: at most CACHE_MS old in this process. */
  async active(now = Date.now()): Promise<StoredAlertRule[]> {
    if (!this.cache || now - this.cache.at > CACHE_MS) {
      const rules = this.repository.list();
      this.cache = { rules, at: now };
      rules.catch(() => (this.cache = null));
    }
    return this.cache.rules;
  }

  private changed<T>(value: T): T {
    this.cache = null;
    return value;
  }

  private async find(id: string): Promise<StoredAlertRule> {
    const rule = await this.repository.findById(id);
    if (!rule) throw notFound(id);
    return rule;
  }

  private async rejectUnknownChannels(ids: readonly string[]): Promise<void> {
    const unknown = await this.repository.unknownChannels(ids);
    if (unknown.length > 0)
      throw invalid(
        unknown.map((id) => ({ field: `channelIds.${ids.indexOf(id)}`, message: `no channel has id ${id}` })),
      );
  }
}

function refuseIfManaged(rule: StoredAlertRule): StoredAlertRule {
  if (rule.managedBy) throw managedByFile('alert rule', rule.name, rule.managedBy);
  return rule;
}

const notFound = (id: string) => new MonitorError('ALERT_RULE_NOT_FOUND', `No alert rule with id ${id}`);
const invalid = (details: { field: string; message: string }[]) =>
  new MonitorError('VALIDATION_FAILED', 'The alert rule is invalid', details);
