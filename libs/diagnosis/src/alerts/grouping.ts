import type { AlertNotification } from './notification';

/**
 * What notifications must share to be sent as one: the same rule announcing the same kind of news in the same
 * category is one story when many integrations tell it at once (the monitor's own DNS is down, one provider is
 * down). The channel is left out so that every channel of the rule forms the same groups; the delivery groups
 * those that became due within the group wait of the first.
 */
export function groupKey({
  rule,
  kind,
  category,
}: Pick<AlertNotification, 'rule' | 'kind' | 'category'>): string {
  return `${rule.id}|${kind}|${category}`;
}
