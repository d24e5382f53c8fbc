import { CHANNEL_SECRET_FIELDS, type ChannelType } from '@ihm/contracts';

/** The config fields of every channel type, as the form holds them. */
export type ChannelConfigField =
  | 'url'
  | 'secret'
  | 'webhookUrl'
  | 'host'
  | 'port'
  | 'secure'
  | 'username'
  | 'password'
  | 'from'
  | 'to'
  | 'routingKey';

export interface ChannelInput {
  field: ChannelConfigField;
  label: string;
  /** How it is typed: a URL, an address, a number, a switch; secrets are password inputs. */
  type: 'text' | 'url' | 'email' | 'number' | 'checkbox';
  hint?: string;
  /** Optional on a new channel: what leaving it empty means. */
  whenEmpty?: string;
}

export const CHANNEL_TYPE_LABELS: Readonly<Record<ChannelType, string>> = {
  webhook: 'Webhook (Standard Webhooks)',
  slack: 'Slack',
  email: 'Email (SMTP)',
  alertmanager: 'Prometheus Alertmanager',
  pagerduty: 'PagerDuty',
};

/** The inputs of each channel type, in the order they are shown. */
export const CHANNEL_INPUTS: Readonly<Record<ChannelType, readonly ChannelInput[]>> = {
  webhook: [
    { field: 'url', label: 'URL', type: 'url', hint: 'Receives a signed JSON POST per notification.' },
    {
      field: 'secret',
      label: 'Signing secret',
      type: 'text',
      hint: 'whsec_ followed by base64.',
      whenEmpty: 'Leave empty to have one generated: it is shown once, after saving.',
    },
  ],
  slack: [
    {
      field: 'webhookUrl',
      label: 'Incoming webhook URL',
      type: 'url',
      hint: 'From the Slack app’s Incoming Webhooks page (https://hooks.slack.com/services/…).',
    },
  ],
  email: [
    { field: 'host', label: 'SMTP host', type: 'text' },
    { field: 'port', label: 'Port', type: 'number', hint: '587 with STARTTLS, 465 with TLS from the start.' },
    { field: 'secure', label: 'TLS from the start', type: 'checkbox', hint: 'Usually with port 465.' },
    {
      field: 'username',
      label: 'Username',
      type: 'text',
      whenEmpty: 'Leave empty to send without logging in.',
    },
    {
      field: 'password',
      label: 'Password',
      type: 'text',
      whenEmpty: 'Leave empty to send without logging in.',
    },
    { field: 'from', label: 'From', type: 'email' },
    { field: 'to', label: 'To', type: 'text', hint: 'Comma-separated addresses.' },
  ],
  alertmanager: [
    {
      field: 'url',
      label: 'Alertmanager URL',
      type: 'url',
      hint: 'Its base URL, like http://alertmanager:9093; alerts go to /api/v2/alerts.',
    },
  ],
  pagerduty: [
    {
      field: 'routingKey',
      label: 'Integration key',
      type: 'text',
      hint: 'The 32-character Events API v2 key.',
    },
    {
      field: 'url',
      label: 'Events API URL',
      type: 'url',
      whenEmpty: 'Leave empty for PagerDuty’s own (https://events.pagerduty.com/v2/enqueue).',
    },
  ],
};

/** Secret fields are write-only: password inputs that start empty. The contract says which fields they are. */
export function isSecretChannelField(type: ChannelType, field: ChannelConfigField): boolean {
  return (CHANNEL_SECRET_FIELDS[type] as readonly string[]).includes(field);
}
