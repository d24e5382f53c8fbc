import Stripe from 'stripe';
import {
  HOOK_URL,
  inbound,
  NOW,
  NOW_SECONDS,
  rejection,
  type Rejection,
  schemeConfig,
  tampered,
} from '../../test/support';
import { deliveryIdOf, type InboundRequest, signRequest, verifySignature } from '../index';

const SECRET = 'whsec_1a2b3c4d5e6f7g8h9i0j';
const BODY = JSON.stringify({ id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy', object: 'event', type: 'invoice.paid' });
const EVENT_ID = 'evt_1NG8Du2eZvKYlo2CUI79vXWy';
const config = schemeConfig('stripe', SECRET);

/** A Stripe-Signature header made by the stripe package. */
const stripeHeader = (timestamp: number, { secret = SECRET, payload = BODY } = {}) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
const request = (header: string, body = BODY) => inbound(body, { 'Stripe-Signature': header });
const v1Of = (header: string) => header.split(',').find((part) => part.startsWith('v1=')) ?? '';
const zeros = 'v1=' + '0'.repeat(64);

describe('stripe', () => {
  const ours = signRequest(
    { scheme: 'stripe', secret: SECRET, hmac: null },
    { body: BODY, url: HOOK_URL, contentType: 'application/json' },
    NOW,
    EVENT_ID,
  );

  it.each<[string, InboundRequest]>([
    ['signed by stripe', request(stripeHeader(NOW_SECONDS))],
    ['signed by signRequest', inbound(BODY, ours)],
    [
      'with several v1 signatures, one valid (a secret being rolled), and a v0',
      request(`t=${NOW_SECONDS},${zeros},${v1Of(stripeHeader(NOW_SECONDS))},v0=${'1'.repeat(64)}`),
    ],
    ['at the edge of the tolerance', request(stripeHeader(NOW_SECONDS - 300))],
  ])('accepts a request %s', (_case, req) => {
    const t = Number(/t=(\d+)/.exec(req.headers['stripe-signature'] ?? '')?.[1]);
    expect(verifySignature(config, req, NOW)).toEqual({
      ok: true,
      deliveryId: EVENT_ID,
      signedAt: new Date(t * 1000),
    });
  });

  it.each<[string, InboundRequest, Rejection]>([
    [
      'a tampered body',
      tampered(request(stripeHeader(NOW_SECONDS))),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    [
      'a wrong secret',
      request(stripeHeader(NOW_SECONDS, { secret: 'whsec_other' })),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    [
      'the secret without its whsec_ prefix as the key',
      request(stripeHeader(NOW_SECONDS, { secret: SECRET.slice('whsec_'.length) })),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    [
      'several v1 signatures, none valid',
      request(`t=${NOW_SECONDS},${zeros},${zeros}`),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    ['an unparseable header', request('garbage'), rejection('bad_signature', 'Stripe-Signature')],
    [
      'no timestamp',
      request(v1Of(stripeHeader(NOW_SECONDS))),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    [
      'a timestamp that is no number',
      request(`t=soon,${v1Of(stripeHeader(NOW_SECONDS))}`),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    [
      'only a v0 signature',
      request(`t=${NOW_SECONDS},v0=${v1Of(stripeHeader(NOW_SECONDS)).slice(3)}`),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
    ['no header', inbound(BODY, {}), rejection('missing_signature', 'Stripe-Signature')],
    [
      'a stale timestamp',
      request(stripeHeader(NOW_SECONDS - 301)),
      rejection('stale_timestamp', 'Stripe-Signature', 301),
    ],
    [
      'a future timestamp',
      request(stripeHeader(NOW_SECONDS + 900)),
      rejection('stale_timestamp', 'Stripe-Signature', -900),
    ],
    [
      'a bad signature with a stale timestamp',
      tampered(request(stripeHeader(NOW_SECONDS - 3_600))),
      rejection('bad_signature', 'Stripe-Signature'),
    ],
  ])('rejects %s', (_case, req, expected) => {
    expect(verifySignature(config, req, NOW)).toMatchObject({ ok: false, ...expected, deliveryId: EVENT_ID });
  });

  it('signs what stripe.webhooks.constructEvent verifies', () => {
    expect(Object.keys(ours)).toEqual(['Stripe-Signature']);
    const event = Stripe.webhooks.constructEvent(
      BODY,
      ours['Stripe-Signature'] ?? '',
      SECRET,
      300,
      undefined,
      NOW.getTime(),
    );
    expect(event.id).toBe(EVENT_ID);
    expect(ours['Stripe-Signature']).toBe(stripeHeader(NOW_SECONDS));
  });

  it.each<[string, string, string | null]>([
    ['the event id of a JSON body', BODY, EVENT_ID],
    ['nothing when id is no string', JSON.stringify({ id: 42 }), null],
    ['nothing for a JSON array', JSON.stringify([{ id: EVENT_ID }]), null],
    ['nothing for a body that is no JSON', 'id=evt_1', null],
  ])('takes the delivery id from %s', (_case, body, expected) => {
    expect(deliveryIdOf('stripe', inbound(body, { 'webhook-id': 'ignored' }))).toBe(expected);
  });
});
