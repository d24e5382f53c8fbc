import { CATEGORY_LABELS } from '@ihm/diagnosis';
import type { ChannelMessage } from '../channel-message';
import { resolvedLead } from '../message-text';
import { escapeMrkdwn, fitText, mrkdwnLink, slackDate } from './mrkdwn';

// Slack's own limits for a header's and a section's text: past them Slack refuses the whole message.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
/** A name or a sentence in a list: ten of them and the lead fit a section whole. */
const ITEM_MAX = 240;
const STEPS_SHOWN = 5;
const INTEGRATIONS_SHOWN = 10;
/** The header names up to this many integrations; more are counted. */
const NAMED_IN_HEADER = 3;

interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] };

/** An incoming webhook's body: Block Kit, and `text` for notifications and for clients that show no blocks. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

interface Wording {
  emoji: string;
  title: string;
  /** What this notification says beyond the failure itself. */
  lead: string | null;
}

function wording(message: ChannelMessage): Wording {
  switch (message.type) {
    case 'alert.firing': {
      const emoji = message.alert.severity === 'down' ? ':red_circle:' : ':large_orange_circle:';
      if (message.reason === 'renotify') return { emoji, title: 'Still firing', lead: 'Still failing:' };
      if (message.reason === 'category_changed') {
        return { emoji, title: 'Firing', lead: 'Still failing, in another category now:' };
      }
      return { emoji, title: 'Firing', lead: null };
    }
    case 'alert.resolved':
      return { emoji: ':large_green_circle:', title: 'Resolved', lead: resolvedLead(message) };
    case 'alert.flapping':
      return {
        emoji: ':twisted_rightwards_arrows:',
        title: 'Flapping',
        lead: 'It keeps firing and resolving: no more notifications until it is stable.',
      };
    case 'alert.test':
      return {
        emoji: ':test_tube:',
        title: 'Test',
        lead: 'A test notification: nothing is failing. Alerts arrive here looking like this.',
      };
  }
}

/** Shortened first, escaped after: an escape is never cut in half. */
function item(text: string): string {
  return escapeMrkdwn(fitText(text, ITEM_MAX));
}

/** Who the header names: the integrations, or the rule when there are none (a test notification). */
function names({ integrations, alert }: ChannelMessage): string {
  const all = integrations.map((integration) => integration.name);
  if (all.length === 0) return alert.rule.name;
  if (all.length <= NAMED_IN_HEADER) return all.join(', ');
  const named = all.slice(0, NAMED_IN_HEADER - 1);
  return `${named.join(', ')} and ${all.length - named.length} more`;
}

/** `*Category*: sentence` for one integration; for a group, the category over a list of them. */
function failure(message: ChannelMessage): string[] {
  const category = `*${escapeMrkdwn(CATEGORY_LABELS[message.alert.category])}*`;
  const { integrations } = message;
  if (integrations.length <= 1) return [`${category}: ${item(message.alert.message)}`];
  const listed = integrations
    .slice(0, INTEGRATIONS_SHOWN)
    .map(({ name, message: text }) => `• *${item(name)}*: ${item(text)}`);
  const unlisted = integrations.length - listed.length;
  return [
    `${category} · ${integrations.length} integrations`,
    ...listed,
    ...(unlisted > 0 ? [`and ${unlisted} more`] : []),
  ];
}

function steps(troubleshooting: readonly string[]): string[] {
  if (troubleshooting.length === 0) return [];
  const shown = troubleshooting.slice(0, STEPS_SHOWN).map((step, i) => `${i + 1}. ${item(step)}`);
  const more = troubleshooting.length - shown.length;
  const rest = more > 0 ? [`…and ${more} more step${more === 1 ? '' : 's'} in the monitor`] : [];
  return ['*What to check*', ...shown, ...rest];
}

function when({ alert }: ChannelMessage): string[] {
  if (!alert.resolvedAt) return [`Since ${slackDate(alert.startedAt)}`];
  return [`Fired ${slackDate(alert.startedAt)}`, `Resolved ${slackDate(alert.resolvedAt)}`];
}

function section(lines: readonly string[]): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: fitText(lines.join('\n'), SECTION_MAX) } };
}

function fallbackText(emoji: string, summary: string, link: string): string {
  const room = SECTION_MAX - emoji.length - link.length - ' · '.length - 1;
  return `${emoji} ${fitText(summary, room)} · ${link}`;
}

/**
 * The Block Kit message for a Slack incoming webhook, or a Slack-compatible one: a header with the status and
 * who, the category and the diagnosis, by which rule and since when, what to check (not once resolved), and a
 * link to the monitor. A text link, not a button: a button in a message from an incoming webhook gets a warning
 * icon when clicked, since no app is there to acknowledge the click.
 */
export function slackPayload(message: ChannelMessage): SlackPayload {
  const { emoji, title, lead } = wording(message);
  const who = names(message);
  const what = failure(message);
  const link = mrkdwnLink(message.url, 'Open in the monitor');
  const context = [
    `Rule *${item(message.alert.rule.name)}*`,
    `Severity ${message.alert.severity}`,
    ...when(message),
  ];
  const troubleshooting = message.type === 'alert.resolved' ? [] : steps(message.alert.troubleshooting);
  return {
    text: fallbackText(emoji, `${title}: ${escapeMrkdwn(who)} · ${what[0] ?? ''}`, link),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: fitText(`${emoji} ${title}: ${who}`, HEADER_MAX), emoji: true },
      },
      section([...(lead ? [lead] : []), ...what]),
      { type: 'context', elements: context.map((text): MrkdwnText => ({ type: 'mrkdwn', text })) },
      ...(troubleshooting.length > 0 ? [section(troubleshooting)] : []),
      section([link]),
    ],
  };
}
