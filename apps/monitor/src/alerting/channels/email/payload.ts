import { CATEGORY_LABELS } from '@ihm/diagnosis';
import type { ChannelMessage } from '../channel-message';
import { fit, oneLine, resolvedLead, who } from '../message-text';
import { emailHtml } from './html';

const SUBJECT_MAX = 200;
/** A group lists this many integrations by name; more are counted. */
const MEMBERS_SHOWN = 50;

export interface EmailPayload {
  subject: string;
  text: string;
  html: string;
}

/** What both bodies say, every text on one line; each body renders it its own way. */
export interface EmailSummary {
  title: string;
  lead: string | null;
  /** `Authentication: Bearer token expired…` for one integration, `Connectivity · 14 integrations` for a group. */
  diagnosis: { category: string; text: string };
  /** About several integrations: `members` names them. */
  grouped: boolean;
  members: { name: string; message: string }[];
  unlisted: number;
  facts: { label: string; value: string }[];
  steps: string[];
  url: string;
}

// Every firing notification is tagged [FIRING], a re-notification too: mail filters match on the tag.
const TAGS = {
  'alert.firing': 'FIRING',
  'alert.resolved': 'RESOLVED',
  'alert.flapping': 'FLAPPING',
  'alert.test': 'TEST',
} as const satisfies Record<ChannelMessage['type'], string>;

function wording(message: ChannelMessage): { title: string; lead: string | null } {
  switch (message.type) {
    case 'alert.firing':
      if (message.reason === 'renotify') return { title: 'Still firing', lead: 'Still failing.' };
      if (message.reason === 'category_changed') {
        return { title: 'Firing', lead: 'Still failing, in another category now.' };
      }
      return { title: 'Firing', lead: null };
    case 'alert.resolved':
      return { title: 'Resolved', lead: resolvedLead(message) };
    case 'alert.flapping':
      return {
        title: 'Flapping',
        lead: 'It keeps firing and resolving: no more notifications until it is stable.',
      };
    case 'alert.test':
      return {
        title: 'Test',
        lead: 'A test notification: nothing is failing. Alerts arrive here looking like this.',
      };
  }
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function emailSummary(message: ChannelMessage): EmailSummary {
  const { alert, integrations } = message;
  const category = CATEGORY_LABELS[alert.category];
  const grouped = integrations.length > 1;
  const members = grouped
    ? integrations
        .slice(0, MEMBERS_SHOWN)
        .map(({ name, message: text }) => ({ name: oneLine(name), message: oneLine(text) }))
    : [];
  const times = alert.resolvedAt
    ? [
        { label: 'Fired', value: utc(alert.startedAt) },
        { label: 'Resolved', value: utc(alert.resolvedAt) },
      ]
    : [{ label: 'Since', value: utc(alert.startedAt) }];
  const { title, lead } = wording(message);
  return {
    title: `${title}: ${who(message)}`,
    lead,
    diagnosis: {
      category,
      text: grouped ? `${integrations.length} integrations` : oneLine(alert.message),
    },
    grouped,
    members,
    unlisted: grouped ? integrations.length - members.length : 0,
    facts: [
      { label: 'Rule', value: oneLine(alert.rule.name) },
      { label: 'Severity', value: alert.severity },
      ...times,
    ],
    steps: message.type === 'alert.resolved' ? [] : alert.troubleshooting.map(oneLine),
    url: message.url,
  };
}

function emailSubject(message: ChannelMessage, { diagnosis, grouped }: EmailSummary): string {
  const about = grouped
    ? `${who(message)}: ${diagnosis.category}`
    : `${who(message)}: ${diagnosis.category} — ${diagnosis.text}`;
  return fit(`[${TAGS[message.type]}] ${about}`, SUBJECT_MAX);
}

function emailText(summary: EmailSummary): string {
  const { diagnosis } = summary;
  const separator = summary.grouped ? ' · ' : ': ';
  const paragraphs = [
    [summary.title],
    ...(summary.lead ? [[summary.lead]] : []),
    [
      `${diagnosis.category}${separator}${diagnosis.text}`,
      ...summary.members.map(({ name, message }) => `- ${name}: ${message}`),
      ...(summary.unlisted > 0 ? [`and ${summary.unlisted} more`] : []),
    ],
    summary.facts.map(({ label, value }) => `${label}: ${value}`),
    ...(summary.steps.length > 0
      ? [['What to check', ...summary.steps.map((step, i) => `${i + 1}. ${step}`)]]
      : []),
    [`Open in the monitor: ${summary.url}`],
  ];
  return `${paragraphs.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/**
 * The subject and both bodies of an alert email: the status and who, the category and the diagnosis, by which
 * rule and since when, what to check (not once resolved), and a link to the monitor.
 */
export function emailPayload(message: ChannelMessage): EmailPayload {
  const summary = emailSummary(message);
  return { subject: emailSubject(message, summary), text: emailText(summary), html: emailHtml(summary) };
}
