import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, isWebhookSecret, signWebhook } from './sign';

describe(signWebhook.name, () => {
  // The vector of the Standard Webhooks JavaScript library's own test ("sign function works").
  const vector = {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    at: new Date(1614265330 * 1000),
    body: '{"test": 2432232314}',
    signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };

  it('matches the Standard Webhooks test vector', () => {
    expect(signWebhook(vector.secret, vector.id, vector.at, vector.body)).toEqual({
      'webhook-id': vector.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': vector.signature,
    });
  });

  it('signs in whole unix seconds, the fraction dropped', () => {
    const late = new Date(1614265330 * 1000 + 999);
    expect(signWebhook(vector.secret, vector.id, late, vector.body)['webhook-signature']).toBe(
      vector.signature,
    );
  });

  it('signs the body byte for byte: another body, id or second is another signature', () => {
    const { signature } = vector;
    const sign = (id: string, at: Date, body: string) =>
      signWebhook(vector.secret, id, at, body)['webhook-signature'];
    expect(sign(vector.id, vector.at, '{"test":2432232314}')).not.toBe(signature);
    expect(sign('msg_other', vector.at, vector.body)).not.toBe(signature);
    expect(sign(vector.id, new Date(1614265331 * 1000), vector.body)).not.toBe(signature);
  });

  it('is verified by the standardwebhooks package, non-ASCII bodies included', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ message: 'Zahlung fehlgeschlagen: Schlüssel ungültig 🔑' });
    const headers = signWebhook(secret, 'msg_1', new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('refuses a secret that is not whsec_ and base64, without quoting it', () => {
    expect(() => signWebhook('********', 'msg_1', new Date(), '{}')).toThrow(
      'a webhook secret is whsec_ followed by base64',
    );
  });
});

describe(generateWebhookSecret.name, () => {
  it('is whsec_ and 32 random bytes in base64, new each time', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});

describe(isWebhookSecret.name, () => {
  it.each<[string, boolean]>([
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', true],
    ['whsec_c2VjcmV0IQ==', true],
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', false],
    ['whsec_', false],
    ['whsec_********', false],
    ['********', false],
    ['whsec_not base64', false],
  ])('%s → %s', (secret, expected) => {
    expect(isWebhookSecret(secret)).toBe(expected);
  });
});
