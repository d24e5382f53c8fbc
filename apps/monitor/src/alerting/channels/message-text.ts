import type { CloseReason } from '@ihm/diagnosis';
import type { ChannelMessage } from './channel-message';

/** On one line: a name or message with line breaks must not fake lines (or headers) where it is shown. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut to `max` characters ending with `…`, never through a surrogate pair (half an emoji). */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** Who a message is about: the integration, a count for a group, or the rule when none (a test notification). */
export function who({ integrations, alert }: ChannelMessage): string {
  if (integrations.length > 1) return `${integrations.length} integrations`;
  return oneLine(integrations[0]?.name ?? alert.rule.name);
}

const NO_LONGER_WATCHED: Readonly<Record<CloseReason, string>> = {
  integration_deleted: 'the integration was deleted',
  rule_deleted: 'the alert rule was deleted',
  out_of_scope: 'the alert rule no longer covers this integration',
};

/** The first line of a resolution: working again, or no longer watched and why. */
export function resolvedLead(message: ChannelMessage & { type: 'alert.resolved' }): string {
  return message.reason
    ? `No longer watched: ${NO_LONGER_WATCHED[message.reason]}. It was:`
    : 'Working again. It was:';
}
