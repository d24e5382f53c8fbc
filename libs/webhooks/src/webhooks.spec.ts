import { createHash } from 'node:crypto';
import type { HmacSignature, SigningScheme, WebhookScheme } from '@ihm/contracts';
import { inbound, NOW, NOW_SECONDS, schemeConfig, tampered, withoutHeader } from '../test/support';
import { deliveryIdOf, signatureHeaderNames, signRequest, verifySignature } from './index';

const HMAC: HmacSignature = { header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' };
const BODY = JSON.stringify({ id: 'evt_42', event_id: 'Ev42', type: 'ping' });
const DELIVERY = 'delivery-42';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const bodySha256 = createHash('sha256').update(BODY).digest('hex');

interface Case {
  scheme: SigningScheme;
  secret: string;
  wrongSecret: string;
  hmac?: HmacSignature;
  url?: string;
  /** The header that carries the signature, as the provider spells it. */
  signature: string;
  /** The id the receiver finds: Stripe's and Slack's come from the body. */
  deliveryId: string;
  timestamped: boolean;
}

const CASES: Case[] = [
  {
    scheme: 'standard',
    secret: `whsec_${base64('one key')}`,
    wrongSecret: `whsec_${base64('two key')}`,
    signature: 'webhook-signature',
    deliveryId: DELIVERY,
    timestamped: true,
  },
  {
    scheme: 'github',
    secret: 'gh',
    wrongSecret: 'hg',
    signature: 'X-Hub-Signature-256',
    deliveryId: DELIVERY,
    timestamped: false,
  },
  {
    scheme: 'stripe',
    secret: 'whsec_s',
    wrongSecret: 'whsec_t',
    signature: 'Stripe-Signature',
    deliveryId: 'evt_42',
    timestamped: true,
  },
  {
    scheme: 'slack',
    secret: 'sl',
    wrongSecret: 'ls',
    signature: 'X-Slack-Signature',
    deliveryId: 'Ev42',
    timestamped: true,
  },
  {
    scheme: 'shopify',
    secret: 'sh',
    wrongSecret: 'hs',
    signature: 'X-Shopify-Hmac-Sha256',
    deliveryId: DELIVERY,
    timestamped: false,
  },
  {
    scheme: 'twilio',
    secret: 'tw',
    wrongSecret: 'wt',
    url: `https://hooks.example.com/twilio?bodySHA256=${bodySha256}`,
    signature: 'X-Twilio-Signature',
    deliveryId: DELIVERY,
    timestamped: false,
  },
  {
    scheme: 'hmac',
    secret: 'hm',
    wrongSecret: 'mh',
    hmac: HMAC,
    signature: 'X-Signature',
    deliveryId: DELIVERY,
    timestamped: false,
  },
];

describe.each(CASES)('$scheme signed by signRequest', (c) => {
  const url = c.url ?? 'https://hooks.example.com/in';
  const sign = (secret: string) =>
    inbound(
      BODY,
      {
        'content-type': 'application/json',
        ...signRequest(
          { scheme: c.scheme, secret, hmac: c.hmac ?? null },
          { body: BODY, url, contentType: 'application/json' },
          NOW,
          DELIVERY,
        ),
      },
      url,
    );
  const config = schemeConfig(c.scheme, c.secret, c.hmac ?? null);
  const signed = sign(c.secret);

  it('verifies, with its delivery id and signing time', () => {
    expect(verifySignature(config, signed, NOW)).toEqual({
      ok: true,
      deliveryId: c.deliveryId,
      signedAt: c.timestamped ? new Date(NOW_SECONDS * 1000) : null,
    });
    expect(deliveryIdOf(c.scheme, signed)).toBe(c.deliveryId);
  });

  it('names its signature header among those to redact', () => {
    expect(signatureHeaderNames(c.scheme, c.hmac ?? null)).toContain(c.signature.toLowerCase());
  });

  it.each([
    ['a tampered body', () => tampered(signed), 'bad_signature'],
    ['a wrong secret', () => sign(c.wrongSecret), 'bad_signature'],
    ['no signature header', () => withoutHeader(signed, c.signature), 'missing_signature'],
  ])('fails with %s', (_case, request, failure) => {
    expect(verifySignature(config, request(), NOW)).toMatchObject({
      ok: false,
      failure,
      header: c.signature,
    });
  });
});

describe('none', () => {
  it('accepts any request, with a generic delivery id', () => {
    expect(
      verifySignature(schemeConfig('none', null), inbound('anything', { 'x-delivery-id': 'd-1' }), NOW),
    ).toEqual({
      ok: true,
      deliveryId: 'd-1',
      signedAt: null,
    });
  });
});

describe('signatureHeaderNames', () => {
  it.each<[WebhookScheme, HmacSignature | null, string[]]>([
    ['standard', null, ['webhook-signature']],
    ['github', null, ['x-hub-signature-256', 'x-hub-signature']],
    ['stripe', null, ['stripe-signature']],
    ['slack', null, ['x-slack-signature']],
    ['shopify', null, ['x-shopify-hmac-sha256']],
    ['twilio', null, ['x-twilio-signature']],
    ['hmac', { header: 'X-Acme-Signature', encoding: 'base64', prefix: '' }, ['x-acme-signature']],
    ['none', null, []],
  ])('%s: %j', (scheme, hmac, expected) => {
    expect(signatureHeaderNames(scheme, hmac)).toEqual(expected);
  });
});

describe('a configuration the contract would refuse', () => {
  it.each<[WebhookScheme, HmacSignature | null]>([
    ['github', null],
    ['hmac', null],
  ])('%s without its settings is a caller error, not a verdict', (scheme, hmac) => {
    const request = inbound(BODY, { 'x-hub-signature-256': 'sha256=00', 'x-signature': '00' });
    expect(() =>
      verifySignature(schemeConfig(scheme, scheme === 'hmac' ? 'secret' : null, hmac), request, NOW),
    ).toThrow(TypeError);
  });
});
