import { channelFixture } from '../alerts/fixtures';
import { emptyChannelForm, fromChannel } from './channel-form-state';
import { toChannelRequest } from './to-channel-request';

describe(toChannelRequest.name, () => {
  it('sends the selected type’s fields only, and leaves a new webhook’s empty secret out to have one generated', () => {
    const form = {
      ...emptyChannelForm('webhook'),
      name: ' Ops ',
      url: ' https://hooks.example.com/x ',
      host: 'smtp',
    };
    expect(toChannelRequest(form)).toEqual({
      ok: true,
      request: { name: 'Ops', type: 'webhook', config: { url: 'https://hooks.example.com/x' } },
    });
  });

  it('builds an email channel: port as a number, TLS switch, addresses as a list, no login when left empty', () => {
    const form = {
      ...emptyChannelForm('email'),
      name: 'On-call mail',
      host: 'smtp.example.com',
      port: '465',
      secure: true,
      from: 'monitor@example.com',
      to: 'a@example.com, b@example.com',
    };
    expect(toChannelRequest(form)).toEqual({
      ok: true,
      request: {
        name: 'On-call mail',
        type: 'email',
        config: {
          host: 'smtp.example.com',
          port: 465,
          secure: true,
          from: 'monitor@example.com',
          to: ['a@example.com', 'b@example.com'],
        },
      },
    });
  });

  it('leaves a stored secret out of an edit of the same type, so the monitor keeps it; a typed one replaces it', () => {
    const stored = fromChannel(
      channelFixture({ type: 'slack', config: { webhookUrl: '********' }, name: 'Team channel' }),
    );
    expect(stored.webhookUrl).toBe('');
    expect(toChannelRequest(stored)).toEqual({
      ok: true,
      request: { name: 'Team channel', type: 'slack', config: {} },
    });
    const replaced = { ...stored, webhookUrl: 'https://hooks.slack.com/services/T/B/new' };
    expect(toChannelRequest(replaced)).toMatchObject({
      request: { config: { webhookUrl: 'https://hooks.slack.com/services/T/B/new' } },
    });
  });

  it('sends an empty required secret after switching types: the stored one belonged to the other type', () => {
    const switched = {
      ...fromChannel(channelFixture({ type: 'slack', config: { webhookUrl: '********' } })),
      type: 'pagerduty' as const,
    };
    expect(toChannelRequest(switched)).toMatchObject({
      request: { type: 'pagerduty', config: { routingKey: '' } },
    });
  });

  it('refuses a port that is not a whole number before asking the API', () => {
    expect(toChannelRequest({ ...emptyChannelForm('email'), port: '58x' })).toEqual({
      ok: false,
      errors: { 'config.port': ['Enter a whole number.'] },
    });
  });
});

describe(fromChannel.name, () => {
  it('fills the inputs from the stored channel, never with a masked secret', () => {
    const form = fromChannel(
      channelFixture({
        type: 'email',
        config: {
          host: 'smtp.example.com',
          port: 587,
          secure: false,
          username: 'ops',
          password: '********',
          from: 'm@example.com',
          to: ['a@example.com'],
        },
      }),
    );
    expect(form).toMatchObject({
      host: 'smtp.example.com',
      port: '587',
      username: 'ops',
      password: '',
      to: 'a@example.com',
    });
    expect(form.stored).toEqual({ type: 'email', secrets: ['password'] });
  });
});
