import { CHANNEL_SECRET_FIELDS, type Channel, type ChannelType } from '@ihm/contracts';
import type { ChannelConfigField } from './channel-inputs';

/** What the inputs hold: every type's fields at once, so switching types back and forth keeps what was typed. */
export type ChannelFormState = { name: string; type: ChannelType; secure: boolean } & Record<
  Exclude<ChannelConfigField, 'secure'>,
  string
> & {
    /** The edited channel's type and which of its secrets are stored: their inputs start empty. */
    stored: { type: ChannelType; secrets: readonly string[] } | null;
  };

export function emptyChannelForm(type: ChannelType = 'webhook'): ChannelFormState {
  return {
    name: '',
    type,
    url: '',
    secret: '',
    webhookUrl: '',
    host: '',
    port: '587',
    secure: false,
    username: '',
    password: '',
    from: '',
    to: '',
    routingKey: '',
    stored: null,
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The channel as stored, without its secrets: the API masks them, and a masked value never goes into an input. */
export function fromChannel(channel: Channel): ChannelFormState {
  const config = channel.config;
  const secrets: readonly string[] = CHANNEL_SECRET_FIELDS[channel.type];
  const plain = (field: ChannelConfigField) => (secrets.includes(field) ? '' : text(config[field]));
  return {
    ...emptyChannelForm(channel.type),
    name: channel.name,
    url: plain('url'),
    webhookUrl: plain('webhookUrl'),
    host: plain('host'),
    port: typeof config.port === 'number' ? String(config.port) : '587',
    secure: config.secure === true,
    username: plain('username'),
    from: plain('from'),
    to: Array.isArray(config.to) ? config.to.map(String).join(', ') : '',
    stored: { type: channel.type, secrets: secrets.filter((field) => config[field] !== undefined) },
  };
}

/** A stored secret belongs to its channel type: after switching types it must be entered anew. */
export function hasStoredSecret(form: ChannelFormState, field: ChannelConfigField): boolean {
  return form.stored?.type === form.type && form.stored.secrets.includes(field);
}
