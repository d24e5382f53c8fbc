import { CATEGORY_LABELS, type Category } from '../categories';
import type { NotificationKind } from './notification';

const VERB: Readonly<Record<NotificationKind, string>> = {
  firing: '',
  renotify: ' still failing',
  category_changed: ' changed category',
  flapping: ' flapping',
  resolved: ' resolved',
};

const GAP = '…';

/**
 * What the messages say in common. Messages from one classifier branch differ only in a host or an id, so
 * when they have the same number of words and share at least half of them, the words that differ become
 * `…`: `DNS lookup of … failed: no such host (ENOTFOUND)`. Otherwise null: the list says the rest.
 */
export function commonMessage(messages: readonly string[]): string | null {
  const distinct = [...new Set(messages.map((message) => message.trim().replace(/\.$/, '')))];
  const words = distinct.map((message) => message.split(/\s+/));
  const [first = [], ...others] = words;
  if (others.some((other) => other.length !== first.length)) return null;
  const template = first.map((word, i) => (others.every((other) => other[i] === word) ? word : GAP));
  if (template.filter((word) => word !== GAP).length * 2 < template.length) return null;
  return template.filter((word, i) => word !== GAP || template[i - 1] !== GAP).join(' ') || null;
}

/**
 * `14 integrations: connectivity, DNS lookup of … failed: no such host (ENOTFOUND)`, or with one
 * integration its name: `Payments API resolved: authentication, Bearer token expired 2 h ago`.
 */
export function groupHeadline(
  kind: NotificationKind,
  category: Category,
  integrations: readonly { name: string; message: string }[],
): string {
  const [only] = integrations;
  const subject = integrations.length === 1 && only ? only.name : `${integrations.length} integrations`;
  const detail = commonMessage(integrations.map((integration) => integration.message));
  return `${subject}${VERB[kind]}: ${CATEGORY_LABELS[category].toLowerCase()}${detail ? `, ${detail}` : ''}`;
}
