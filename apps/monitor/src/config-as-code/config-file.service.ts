import {
  AlertRuleRequestSchema,
  SilenceRequestSchema,
  type ChannelRequest,
  type FieldError,
  type FileAlertRule,
  type FileSilence,
} from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { ChannelWrite } from '../alerting/channels/channel.repository';
import { ChannelService } from '../alerting/channels/channel.service';
import { AlertCloser } from '../alerting/evaluation/alert-closer.service';
import type { StoredAlertRule } from '../alerting/rules/alert-rule.repository';
import { MonitorError } from '../common/monitor-error';
import { IntegrationService } from '../integrations/integration.service';
import type { IntegrationWrite } from '../integrations/stored-integration';
import { loadConfigFile, type LoadedConfig } from './config-file-loader';
import {
  channelObject,
  integrationObject,
  ruleObject,
  silenceObject,
  type NamedAlertRule,
  type NamedScope,
  type NamedSilence,
} from './config-objects';
import { planConfig, type ConfigObjectType, type ConfigPlan, type PlannedChange } from './config-plan';
import { ConfigFileError, type ConfigPath, type ConfigProblem } from './config-problem';
import { ConfigStateRepository, type ConfigWriters, type StoredConfigState } from './config-state.repository';
import type { Environment } from './env-references';
import { namedRule, namedSilence, storedNames } from './stored-names';

/**
 * A config file to plan or apply: its path as given (problems name it), its text, and the environment. What it
 * manages is marked with the file's base name.
 */
export interface ConfigSource {
  file: string;
  text: string;
  env: Environment;
}

/** A plan, and what each declared object writes if it is created or changed. */
interface PreparedApply {
  plan: ConfigPlan;
  integrations: IntegrationWrite[];
  channels: ChannelWrite[];
  rules: NamedAlertRule[];
  silences: NamedSilence[];
}

/** Names to ids: what is stored, and what this apply creates as it goes. */
type Ids = Map<string, string>;

/**
 * Config as code: plans a config file against the database and applies it in one transaction. Every object
 * passes the checks the API applies (its schema, the outbound guard, client certificates, known channels), so a
 * file can hold nothing the API would refuse.
 */
@Injectable()
export class ConfigFileService {
  constructor(
    private readonly state: ConfigStateRepository,
    private readonly integrations: IntegrationService,
    private readonly channels: ChannelService,
    private readonly alerts: AlertCloser,
  ) {}

  async plan(source: ConfigSource): Promise<ConfigPlan> {
    const loaded = loadConfigFile(source.file, source.text, source.env);
    return this.prepare(loaded, await this.state.read()).plan;
  }

  /**
   * Applies the file and answers what it did. The firing alerts of what it deletes are resolved and announced
   * first, as a deletion through the API does; everything else is one transaction.
   */
  async apply(source: ConfigSource): Promise<ConfigPlan> {
    const loaded = loadConfigFile(source.file, source.text, source.env);
    const preview = this.prepare(loaded, await this.state.read());
    for (const change of preview.plan.changes) {
      if (change.action !== 'delete') continue;
      if (change.type === 'integration') await this.alerts.integrationDeleted(change.id);
      if (change.type === 'alert rule') await this.alerts.ruleDeleted(change.id);
    }
    const { plan, rescoped } = await this.state.transaction(async (writers) => {
      const prepared = this.prepare(loaded, await writers.read());
      return { plan: prepared.plan, rescoped: await execute(prepared, writers) };
    });
    // Alerts on integrations a new scope leaves out would never hear of them again: resolved now.
    for (const rule of rescoped) await this.alerts.scopeChanged(rule);
    return plan;
  }

  private prepare({ document, config }: LoadedConfig, stored: StoredConfigState): PreparedApply {
    const problems: ConfigProblem[] = [];
    const check = <T>(path: ConfigPath, work: () => T): T | null => {
      try {
        return work();
      } catch (error) {
        if (!(error instanceof MonitorError) || error.code !== 'VALIDATION_FAILED') throw error;
        problems.push(...fieldProblems(path, error.details ?? [{ field: '', message: error.message }]));
        return null;
      }
    };

    const storedKinds = new Map(stored.integrations.map((row) => [row.masked.name, row.masked.kind]));
    config.integrations.forEach((definition, i) => {
      const kind = storedKinds.get(definition.name);
      if (kind && kind !== definition.kind)
        problems.push({
          path: ['integrations', i, 'kind'],
          message: `is ${definition.kind}, but the stored ${JSON.stringify(definition.name)} is ${kind}: an integration's kind never changes; give the new one another name`,
        });
    });
    const integrationWrites = config.integrations.map((definition, i) =>
      check(['integrations', i], () => this.integrations.checkedWrite(definition)),
    );
    const channelWrites = config.channels.map((channel, i) =>
      check(['channels', i], () => this.channels.checkedWrite(channel.name, channel.type, channel.config)),
    );
    const known = {
      integrations: new Set([
        ...stored.integrations.map((i) => i.masked.name),
        ...config.integrations.map((i) => i.name),
      ]),
      channels: new Set([...stored.channels.map((c) => c.name), ...config.channels.map((c) => c.name)]),
    };
    const rules = config.alertRules.map((rule, i) => {
      problems.push(...unknownNames(['alertRules', i], rule, known));
      return check(['alertRules', i], () => withDefaults(rule));
    });
    const silences = config.silences.map((silence, i) => {
      problems.push(...unknownNames(['silences', i], silence, known));
      return check(['silences', i], () => checkedSilence(silence));
    });
    if (problems.length > 0) throw new ConfigFileError(problems.map(document.locate));

    const names = storedNames(stored);
    const plan = planConfig(basename(document.file), {
      integration: {
        stored: stored.integrations.map((row) => ({
          ...integrationObject(this.integrations.definitionOf(row)),
          id: row.id,
          managedBy: row.managedBy,
        })),
        declared: config.integrations.map(integrationObject),
      },
      channel: {
        stored: stored.channels.map((row) => ({
          ...channelObject({ name: row.name, type: row.type, config: this.channels.configOf(row) }),
          id: row.id,
          managedBy: row.managedBy,
        })),
        declared: config.channels.map((channel: ChannelRequest) => channelObject(channel)),
      },
      'alert rule': {
        stored: stored.rules.map((rule) => ({
          ...ruleObject(namedRule(rule, names)),
          id: rule.id,
          managedBy: rule.managedBy,
        })),
        declared: rules.map((rule) => ruleObject(rule!)),
      },
      silence: {
        stored: stored.silences.map((silence) => ({
          ...silenceObject(namedSilence(silence, names)),
          id: silence.id,
          managedBy: silence.managedBy,
        })),
        declared: silences.map((silence) => silenceObject(silence!)),
      },
    });
    return {
      plan,
      integrations: integrationWrites as IntegrationWrite[],
      channels: channelWrites as ChannelWrite[],
      rules: rules as NamedAlertRule[],
      silences: silences as NamedSilence[],
    };
  }
}

/**
 * Writes a prepared apply in dependency order: what goes away and refers to others first, then channels and
 * integrations (so that rules and silences can name them by id), then rules and silences, then the
 * integrations and channels the file dropped. Answers the rules whose scope changed.
 */
async function execute(prepared: PreparedApply, writers: ConfigWriters): Promise<StoredAlertRule[]> {
  const { plan } = prepared;
  const file = plan.file;
  const deletions = (type: ConfigObjectType) =>
    plan.changes.filter((change): change is Deletion => change.type === type && change.action === 'delete');
  const upserts = (type: ConfigObjectType) =>
    plan.changes.filter((change): change is Upsert => change.type === type && change.action !== 'delete');
  const audit = (type: string, change: PlannedChange, id: string) =>
    writers.audit.append({
      actor: { kind: 'configFile', id: null, name: file },
      action: `${type}.${VERBS[change.action]}`,
      objectType: type,
      objectId: id,
      objectName: change.name,
      fields: change.action === 'update' ? change.changes.map((c) => c.field) : [],
    });
  const remove = async (
    type: ConfigObjectType,
    auditType: string,
    drop: (id: string) => Promise<boolean>,
  ) => {
    for (const change of deletions(type)) {
      await drop(change.id);
      await audit(auditType, change, change.id);
    }
  };
  const save = async <T extends { id: string }>(
    type: ConfigObjectType,
    auditType: string,
    write: (change: Upsert) => Promise<T | null>,
  ): Promise<T[]> => {
    const saved: T[] = [];
    for (const change of upserts(type)) {
      const row = await write(change);
      if (!row) throw new Error(`The ${type} ${JSON.stringify(change.name)} went away during the apply`);
      await audit(auditType, change, row.id);
      saved.push(row);
    }
    return saved;
  };

  await remove('alert rule', 'alert_rule', (id) => writers.rules.delete(id));
  await remove('silence', 'silence', (id) => writers.silences.delete(id));
  const stored = await writers.read();
  const ids = storedIds(stored);
  const rulesBefore = new Map(stored.rules.map((rule) => [rule.id, rule]));

  const channels = await save('channel', 'channel', (change) =>
    change.action === 'create'
      ? writers.channels.create(prepared.channels[change.index]!, file)
      : writers.channels.update(change.id, prepared.channels[change.index]!, file),
  );
  for (const channel of channels) ids.channels.set(channel.name, channel.id);
  let created = 0;
  const integrations = await save('integration', 'integration', (change) =>
    change.action === 'create'
      ? writers.integrations.create(prepared.integrations[change.index]!, created++, file)
      : writers.integrations.update(change.id, prepared.integrations[change.index]!, file),
  );
  for (const integration of integrations) ids.integrations.set(integration.masked.name, integration.id);

  const rules = await save('alert rule', 'alert_rule', (change) => {
    const definition = withIds(prepared.rules[change.index]!, ids);
    return change.action === 'create'
      ? writers.rules.create(definition, file)
      : writers.rules.update(change.id, definition, file);
  });
  await save('silence', 'silence', (change) => {
    const { recurrence, scope, ...silence } = prepared.silences[change.index]!;
    return writers.silences.create(
      { ...silence, scope: scopeWithIds(scope, ids.integrations), ...(recurrence ? { recurrence } : {}) },
      file,
    );
  });

  await remove('integration', 'integration', (id) => writers.integrations.delete(id));
  await remove('channel', 'channel', (id) => writers.channels.delete(id));
  return rules.filter((rule) => {
    const before = rulesBefore.get(rule.id);
    return before !== undefined && JSON.stringify(before.scope) !== JSON.stringify(rule.scope);
  });
}

type Upsert = Exclude<PlannedChange, { action: 'delete' }>;
type Deletion = Extract<PlannedChange, { action: 'delete' }>;

const VERBS = { create: 'created', update: 'changed', delete: 'deleted' } as const;

function storedIds(stored: StoredConfigState): { integrations: Ids; channels: Ids } {
  return {
    integrations: new Map(stored.integrations.map((row) => [row.masked.name, row.id])),
    channels: new Map(stored.channels.map((row) => [row.name, row.id])),
  };
}

function scopeWithIds(scope: NamedScope, ids: Ids) {
  const { integrations, ...rest } = scope;
  return integrations ? { ...rest, integrationIds: integrations.map((name) => ids.get(name)!) } : rest;
}

function withIds(rule: NamedAlertRule, ids: { integrations: Ids; channels: Ids }) {
  const { channels, ...rest } = rule;
  return {
    ...rest,
    scope: scopeWithIds(rule.scope, ids.integrations) as StoredAlertRule['scope'],
    channelIds: channels.map((name) => ids.channels.get(name)!),
  };
}

/** Stand-in ids, to check a rule or silence with the API's schema before the objects it names exist. */
function placeholderScope(scope: NamedScope) {
  const { integrations, ...rest } = scope;
  return integrations ? { ...rest, integrationIds: integrations.map(() => randomUUID()) } : rest;
}

/** The rule checked by the API's schema, which fills in its defaults (severity, reminders). */
function withDefaults(rule: FileAlertRule): NamedAlertRule {
  const { channels, scope, ...rest } = rule;
  const parsed = AlertRuleRequestSchema.safeParse({
    ...rest,
    scope: placeholderScope(scope),
    channelIds: channels.map(() => randomUUID()),
  });
  if (!parsed.success) throw invalid(parsed.error);
  return {
    name: rule.name,
    condition: parsed.data.condition,
    scope,
    minSeverity: parsed.data.minSeverity,
    channels,
    renotifyMinutes: parsed.data.renotifyMinutes,
  };
}

function checkedSilence(silence: FileSilence): NamedSilence {
  const parsed = SilenceRequestSchema.safeParse({ ...silence, scope: placeholderScope(silence.scope) });
  if (!parsed.success) throw invalid(parsed.error);
  return {
    scope: silence.scope,
    startsAt: parsed.data.startsAt,
    endsAt: parsed.data.endsAt,
    comment: parsed.data.comment,
    recurrence: parsed.data.recurrence ?? null,
  };
}

function invalid(error: z.ZodError): MonitorError {
  return new MonitorError(
    'VALIDATION_FAILED',
    'invalid',
    error.issues.map((issue) => ({
      field: issue.path
        .map(String)
        .join('.')
        .replace(/^channelIds/, 'channels')
        .replace('integrationIds', 'integrations'),
      message: issue.message,
    })),
  );
}

/** A rule or silence may name what the file declares or what is stored; anything else is a mistake. */
function unknownNames(
  path: ConfigPath,
  object: { scope: NamedScope; channels?: string[] },
  known: { integrations: Set<string>; channels: Set<string> },
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  object.scope.integrations?.forEach((name, j) => {
    if (!known.integrations.has(name))
      problems.push({
        path: [...path, 'scope', 'integrations', j],
        message: `no integration is named ${JSON.stringify(name)}`,
      });
  });
  object.channels?.forEach((name, j) => {
    if (!known.channels.has(name))
      problems.push({
        path: [...path, 'channels', j],
        message: `no channel is named ${JSON.stringify(name)}`,
      });
  });
  return problems;
}

/** The API's field errors (`auth.tokenUrl`, `config.url`) at their place in the file. */
function fieldProblems(path: ConfigPath, errors: readonly FieldError[]): ConfigProblem[] {
  return errors.map(({ field, message }) => ({
    path: [...path, ...(field ? field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) : [])],
    message,
  }));
}
