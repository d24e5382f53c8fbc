import { MASKED_SECRET } from './auth.contract';
import { CHANNEL_SECRET_FIELDS, ChannelRequestSchema } from './channel.contract';
import { toFieldErrors } from './error-body.contract';

const EMAIL = { host: 'smtp.example.com', from: 'monitor@example.com', to: ['ops@example.com'] };

const errorsOf = (config: Record<string, unknown>) => {
  const parsed = ChannelRequestSchema.safeParse({ name: 'Ops mail', type: 'email', config });
  return parsed.success ? [] : toFieldErrors(parsed.error);
};

describe('ChannelRequestSchema, email', () => {
  it('fills port 587 and STARTTLS (secure false) by default', () => {
    expect(ChannelRequestSchema.parse({ name: 'Ops mail', type: 'email', config: EMAIL })).toEqual({
      name: 'Ops mail',
      type: 'email',
      config: { ...EMAIL, port: 587, secure: false },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['TLS from the start on 465', { ...EMAIL, port: 465, secure: true }],
    ['a login', { ...EMAIL, username: 'monitor', password: 'hunter2' }],
    ['a login keeping the stored password', { ...EMAIL, username: 'monitor', password: MASKED_SECRET }],
    ['a username alone (no password)', { ...EMAIL, username: 'monitor' }],
    ['50 recipients', { ...EMAIL, to: Array.from({ length: 50 }, (_, i) => `ops${i}@example.com`) }],
  ])('takes %s', (_, config) => {
    expect(errorsOf(config)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { field: string; message: string }]>([
    ['no host', { ...EMAIL, host: undefined }, { field: 'config.host', message: 'host is required' }],
    ['a blank host', { ...EMAIL, host: '  ' }, { field: 'config.host', message: 'host must not be empty' }],
    [
      'a host too long',
      { ...EMAIL, host: `${'a'.repeat(250)}.com` },
      { field: 'config.host', message: 'host must be at most 253 characters' },
    ],
    ['port 0', { ...EMAIL, port: 0 }, { field: 'config.port', message: 'port must be at least 1' }],
    [
      'port 65536',
      { ...EMAIL, port: 65536 },
      { field: 'config.port', message: 'port must be at most 65535' },
    ],
    [
      'secure as a string',
      { ...EMAIL, secure: 'yes' },
      { field: 'config.secure', message: 'secure must be true or false' },
    ],
    [
      'a password without a username',
      { ...EMAIL, password: 'hunter2' },
      { field: 'config.password', message: 'a password needs a username' },
    ],
    [
      'an empty password',
      { ...EMAIL, username: 'monitor', password: '' },
      { field: 'config.password', message: 'password must not be empty' },
    ],
    [
      'a from that is no address',
      { ...EMAIL, from: 'monitor' },
      { field: 'config.from', message: 'from must be an email address' },
    ],
    [
      'no to',
      { ...EMAIL, to: undefined },
      { field: 'config.to', message: 'to must be a list of email addresses' },
    ],
    [
      'an empty to',
      { ...EMAIL, to: [] },
      { field: 'config.to', message: 'to must list at least one address' },
    ],
    [
      'a to that is no address',
      { ...EMAIL, to: ['ops@example.com', 'ops'] },
      { field: 'config.to.1', message: 'each address in to must be an email address' },
    ],
    [
      'an address twice',
      { ...EMAIL, to: ['ops@example.com', 'OPS@example.com'] },
      { field: 'config.to', message: 'to must not list an address twice' },
    ],
    [
      '51 recipients',
      { ...EMAIL, to: Array.from({ length: 51 }, (_, i) => `ops${i}@example.com`) },
      { field: 'config.to', message: 'to must list at most 50 addresses' },
    ],
    ['an unknown field', { ...EMAIL, tls: {} }, { field: 'config.tls', message: 'is not a known field' }],
  ])('refuses %s', (_, config, expected) => {
    expect(errorsOf(config)).toEqual([expected]);
  });

  it('keeps the password as its secret', () => {
    expect(CHANNEL_SECRET_FIELDS.email).toEqual(['password']);
  });
});

const channelErrors = (type: string, config: Record<string, unknown>) => {
  const parsed = ChannelRequestSchema.safeParse({ name: 'On call', type, config });
  return parsed.success ? [] : toFieldErrors(parsed.error);
};

describe('ChannelRequestSchema, pagerduty', () => {
  const routingKey = 'R0UT1NGKEY0123456789abcdefABCDEF';

  it.each<[string, Record<string, unknown>]>([
    ['a routing key alone', { routingKey }],
    ['the stored routing key', { routingKey: MASKED_SECRET }],
    ['another enqueue URL', { routingKey, url: 'https://events.eu.pagerduty.com/v2/enqueue' }],
  ])('takes %s', (_, config) => {
    expect(channelErrors('pagerduty', config)).toEqual([]);
  });

  const KEY_ERROR =
    'routingKey must be the 32-character integration key of a PagerDuty Events API v2 integration';
  it.each<[string, Record<string, unknown>, { field: string; message: string }]>([
    ['no routing key', {}, { field: 'config.routingKey', message: 'routingKey is required' }],
    [
      '31 characters',
      { routingKey: routingKey.slice(1) },
      { field: 'config.routingKey', message: KEY_ERROR },
    ],
    ['33 characters', { routingKey: `${routingKey}a` }, { field: 'config.routingKey', message: KEY_ERROR }],
    [
      'a URL that is not http(s)',
      { routingKey, url: 'ftp://events.pagerduty.com' },
      { field: 'config.url', message: 'must be an absolute http:// or https:// URL' },
    ],
    [
      'an unknown field',
      { routingKey, token: 'x' },
      { field: 'config.token', message: 'is not a known field' },
    ],
  ])('refuses %s', (_, config, expected) => {
    expect(channelErrors('pagerduty', config)).toEqual([expected]);
  });

  it('keeps the routing key as its secret', () => {
    expect(CHANNEL_SECRET_FIELDS.pagerduty).toEqual(['routingKey']);
  });
});

describe('ChannelRequestSchema, alertmanager', () => {
  it('takes a base URL', () => {
    expect(channelErrors('alertmanager', { url: 'http://alertmanager:9093' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no URL', {}, 'config.url'],
    ['a URL that is not http(s)', { url: 'alertmanager:9093' }, 'config.url'],
    ['an unknown field', { url: 'http://alertmanager:9093', receiver: 'x' }, 'config.receiver'],
  ])('refuses %s', (_, config, field) => {
    expect(channelErrors('alertmanager', config).map((error) => error.field)).toEqual([field]);
  });

  it('has no secret', () => {
    expect(CHANNEL_SECRET_FIELDS.alertmanager).toEqual([]);
  });
});
