import type { StoredAlertRule } from '../alerting/rules/alert-rule.repository';
import type { StoredSilence } from '../alerting/silences/silence.repository';
import type { NamedAlertRule, NamedScope, NamedSilence } from './config-objects';
import type { StoredConfigState } from './config-state.repository';

/** Ids to names, for what a file names by name and the database holds by id. */
export interface StoredNames {
  integrations: Map<string, string>;
  channels: Map<string, string>;
}

export function storedNames(stored: StoredConfigState): StoredNames {
  return {
    integrations: new Map(stored.integrations.map((row) => [row.id, row.masked.name])),
    channels: new Map(stored.channels.map((row) => [row.id, row.name])),
  };
}

/** An id that no name stands for any more is shown as itself, so that a plan shows it going. */
const nameOf = (names: Map<string, string>, id: string) => names.get(id) ?? `(deleted: ${id})`;

export function namedScope(scope: StoredAlertRule['scope'], names: Map<string, string>): NamedScope {
  const { integrationIds, ...rest } = scope;
  return integrationIds ? { ...rest, integrations: integrationIds.map((id) => nameOf(names, id)) } : rest;
}

export function namedRule(rule: StoredAlertRule, names: StoredNames): NamedAlertRule {
  return {
    name: rule.name,
    condition: rule.condition,
    scope: namedScope(rule.scope, names.integrations),
    minSeverity: rule.minSeverity,
    channels: rule.channelIds.map((id) => nameOf(names.channels, id)),
    renotifyMinutes: rule.renotifyMinutes,
  };
}

export function namedSilence(silence: StoredSilence, names: StoredNames): NamedSilence {
  return {
    scope: namedScope(silence.scope, names.integrations),
    startsAt: silence.startsAt.toISOString(),
    endsAt: silence.endsAt.toISOString(),
    comment: silence.comment,
    recurrence: silence.recurrence ?? null,
  };
}
