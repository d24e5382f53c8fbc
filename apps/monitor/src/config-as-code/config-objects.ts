import type { AlertCondition, ChannelType, IntegrationDefinition } from '@ihm/contracts';
import type { Category } from '@ihm/diagnosis';
import { splitChannelSecrets } from '../alerting/channels/channel-secrets';
import { credentialFields, splitSecrets } from '../integrations/integration-secrets';
import type { ComparableObject } from './config-plan';

/** A scope as the file writes it: integrations by name. */
export interface NamedScope {
  integrations?: string[];
  tags?: string[];
  categories?: Category[];
}

/** An alert rule with its channels and integrations by name, its defaults filled in. */
export interface NamedAlertRule {
  name: string;
  condition: AlertCondition;
  scope: NamedScope;
  minSeverity: 'degraded' | 'down';
  channels: string[];
  renotifyMinutes: number | null;
}

export interface NamedSilence {
  scope: NamedScope;
  startsAt: string;
  endsAt: string;
  comment: string;
  recurrence: { weekly: { day: number; start: string; end: string }[] } | null;
}

export interface ChannelSettings {
  name: string;
  type: ChannelType;
  config: Record<string, unknown>;
}

/** A query parameter's or body field's secret is named by its place too: a URL can carry several. */
function secretLabel(credential: { part: string; place: string; field: string }): string {
  if (credential.part === 'query') return `url (query ${credential.place.replace(/#0$/, '')})`;
  if (credential.part === 'body') return `body (${credential.place})`;
  return credential.field;
}

export function integrationObject(definition: IntegrationDefinition): ComparableObject {
  const { masked } = splitSecrets(definition);
  const { name, ...view } = masked;
  return {
    name,
    view,
    secrets: Object.fromEntries(credentialFields(definition).map((c) => [secretLabel(c), c.value])),
    summary:
      masked.kind === 'webhook' ? `webhook, ${masked.webhook.scheme}` : `${masked.method} ${masked.url}`,
  };
}

export function channelObject({ name, type, config }: ChannelSettings): ComparableObject {
  const { masked, secrets } = splitChannelSecrets(type, config);
  return {
    name,
    view: { type, config: masked },
    secrets: Object.fromEntries(
      Object.entries(secrets).map(([field, value]) => [`config.${field}`, String(value)]),
    ),
    summary: type,
  };
}

export function ruleObject({ name, ...rule }: NamedAlertRule): ComparableObject {
  const channels = rule.channels.length > 0 ? ` → ${rule.channels.join(', ')}` : '';
  return { name, view: { ...rule }, secrets: {}, summary: `${rule.condition.type}${channels}` };
}

/** A silence's instants are compared as instants: `+02:00` and `Z` for the same moment are one silence. */
export function silenceObject(silence: NamedSilence): ComparableObject {
  const view = {
    ...silence,
    startsAt: new Date(silence.startsAt).toISOString(),
    endsAt: new Date(silence.endsAt).toISOString(),
  };
  return { name: silence.comment, view, secrets: {}, summary: `${view.startsAt} to ${view.endsAt}` };
}
