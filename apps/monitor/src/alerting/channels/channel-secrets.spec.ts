import { MASKED_SECRET } from '@ihm/contracts';
import { keepMaskedChannelSecrets, splitChannelSecrets } from './channel-secrets';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe(splitChannelSecrets.name, () => {
  it.each([
    ['webhook', { url: 'https://hooks.example.com/x', secret: SECRET }, { secret: SECRET }],
    [
      'slack',
      { webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
      { webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
    ],
  ] as const)('keeps the %s secrets apart and masks them', (type, config, secrets) => {
    const split = splitChannelSecrets(type, config);
    expect(split.secrets).toEqual(secrets);
    expect(Object.keys(split.masked)).toEqual(Object.keys(config));
    for (const field of Object.keys(secrets)) expect(split.masked[field]).toBe(MASKED_SECRET);
    expect(JSON.stringify(split.masked)).not.toContain(Object.values(secrets)[0]);
  });
});

describe(keepMaskedChannelSecrets.name, () => {
  const stored = { type: 'webhook' as const, secrets: { secret: SECRET } };

  it('takes the stored secret where the edit sends the mask back', () => {
    const { config, errors } = keepMaskedChannelSecrets(
      'webhook',
      { url: 'https://a.example', secret: MASKED_SECRET },
      stored,
    );
    expect(errors).toEqual([]);
    expect(config.secret).toBe(SECRET);
  });

  it('refuses a mask when the channel changes type', () => {
    const { errors } = keepMaskedChannelSecrets('slack', { webhookUrl: MASKED_SECRET }, stored);
    expect(errors).toEqual([
      { field: 'config.webhookUrl', message: 'enter the secret: none is stored for it' },
    ]);
  });
});
