import { createHmac } from 'node:crypto';
import {
  HOOK_URL,
  inbound,
  NOW,
  rejection,
  type Rejection,
  schemeConfig,
  tampered,
} from '../../test/support';
import { deliveryIdOf, type InboundRequest, signRequest, verifySignature } from '../index';

const SECRET = 'shpss_a_shopify_app_client_secret';
const BODY = JSON.stringify({ id: 820982911946154500, email: 'jon@example.com' });
const WEBHOOK_ID = 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043';

// Shopify's docs: the base64 HMAC-SHA256 of the raw body, keyed with the app's client secret.
const expected = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body, 'utf8').digest('base64');
const request = (signature: string, body = BODY) =>
  inbound(body, { 'X-Shopify-Hmac-Sha256': signature, 'X-Shopify-Webhook-Id': WEBHOOK_ID });
const config = schemeConfig('shopify', SECRET);

describe('shopify', () => {
  const ours = signRequest(
    { scheme: 'shopify', secret: SECRET, hmac: null },
    { body: BODY, url: HOOK_URL, contentType: 'application/json' },
    NOW,
    WEBHOOK_ID,
  );

  it.each<[string, InboundRequest]>([
    ['signed as Shopify documents it', request(expected(SECRET, BODY))],
    ['signed by signRequest', inbound(BODY, ours)],
  ])('accepts a request %s', (_case, req) => {
    expect(verifySignature(config, req, NOW)).toEqual({ ok: true, deliveryId: WEBHOOK_ID, signedAt: null });
  });

  it('signs the documented value, with the webhook id', () => {
    expect(ours).toEqual({
      'X-Shopify-Webhook-Id': WEBHOOK_ID,
      'X-Shopify-Hmac-Sha256': expected(SECRET, BODY),
    });
  });

  it.each<[string, InboundRequest, Rejection]>([
    [
      'a tampered body',
      tampered(request(expected(SECRET, BODY))),
      rejection('bad_signature', 'X-Shopify-Hmac-Sha256'),
    ],
    [
      'a wrong secret',
      request(expected('other secret', BODY)),
      rejection('bad_signature', 'X-Shopify-Hmac-Sha256'),
    ],
    ['bad base64', request('%%%not-base64%%%'), rejection('bad_signature', 'X-Shopify-Hmac-Sha256')],
    [
      'the digest in hex',
      request(createHmac('sha256', SECRET).update(BODY).digest('hex')),
      rejection('bad_signature', 'X-Shopify-Hmac-Sha256'),
    ],
    [
      'no signature header',
      inbound(BODY, { 'X-Shopify-Webhook-Id': WEBHOOK_ID }),
      rejection('missing_signature', 'X-Shopify-Hmac-Sha256'),
    ],
  ])('rejects %s', (_case, req, expectedFailure) => {
    expect(verifySignature(config, req, NOW)).toMatchObject({
      ok: false,
      ...expectedFailure,
      deliveryId: WEBHOOK_ID,
    });
  });

  it.each<[string, Record<string, string>, string | null]>([
    [
      'X-Shopify-Webhook-Id',
      { 'X-Shopify-Webhook-Id': WEBHOOK_ID, 'X-Shopify-Event-Id': 'event-1' },
      WEBHOOK_ID,
    ],
    ['X-Shopify-Event-Id without a webhook id', { 'X-Shopify-Event-Id': 'event-1' }, 'event-1'],
    ['nothing without either', { 'webhook-id': 'other' }, null],
  ])('takes the delivery id from %s', (_case, headers, id) => {
    expect(deliveryIdOf('shopify', inbound(BODY, headers))).toBe(id);
  });
});
