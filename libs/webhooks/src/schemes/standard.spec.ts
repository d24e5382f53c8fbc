import { Webhook } from 'standardwebhooks';
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

const KEY = Buffer.from('a standard webhooks signing key!').toString('base64');
const SECRET = `whsec_${KEY}`;
const OTHER_SECRET = `whsec_${Buffer.from('another key entirely, not ours').toString('base64')}`;
const BODY = JSON.stringify({ type: 'user.created', data: { id: 'u_1' } });
const ID = 'msg_2mWf3ZmQ';
const config = schemeConfig('standard', SECRET);

/** Signed by the standardwebhooks package. */
function providerSigned(seconds: number, { secret = SECRET, body = BODY } = {}): InboundRequest {
  return inbound(body, {
    'webhook-id': ID,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(secret).sign(ID, new Date(seconds * 1000), body),
  });
}
const signature = (seconds: number) => providerSigned(seconds).headers['webhook-signature'] ?? '';
const ours = signRequest(
  { scheme: 'standard', secret: SECRET, hmac: null },
  { body: BODY, url: HOOK_URL, contentType: 'application/json' },
  NOW,
  ID,
);

describe('standard', () => {
  it.each<[string, InboundRequest]>([
    ['signed by standardwebhooks', providerSigned(NOW_SECONDS)],
    ['signed by signRequest', inbound(BODY, ours)],
    ['with the secret configured without its whsec_ prefix', providerSigned(NOW_SECONDS, { secret: KEY })],
    [
      'among several signatures, one valid',
      inbound(BODY, {
        'webhook-id': ID,
        'webhook-timestamp': String(NOW_SECONDS),
        'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} v1a,ed25519sig ${signature(NOW_SECONDS)}`,
      }),
    ],
    ['at the edge of the tolerance', providerSigned(NOW_SECONDS - 300)],
  ])('accepts a request %s', (_case, request) => {
    const signedAt = new Date(Number(request.headers['webhook-timestamp']) * 1000);
    expect(verifySignature(config, request, NOW)).toEqual({ ok: true, deliveryId: ID, signedAt });
  });

  it('accepts the prefix-less secret in the configuration too', () => {
    expect(verifySignature(schemeConfig('standard', KEY), providerSigned(NOW_SECONDS), NOW).ok).toBe(true);
  });

  const valid = providerSigned(NOW_SECONDS);
  it.each<[string, InboundRequest, Rejection]>([
    ['a tampered body', tampered(valid), rejection('bad_signature', 'webhook-signature')],
    [
      'a wrong secret',
      providerSigned(NOW_SECONDS, { secret: OTHER_SECRET }),
      rejection('bad_signature', 'webhook-signature'),
    ],
    [
      'bad base64',
      inbound(BODY, { ...valid.headers, 'webhook-signature': 'v1,not*base64!' }),
      rejection('bad_signature', 'webhook-signature'),
    ],
    [
      'no v1 signature',
      inbound(BODY, { ...valid.headers, 'webhook-signature': signature(NOW_SECONDS).replace('v1,', 'v2,') }),
      rejection('bad_signature', 'webhook-signature'),
    ],
    [
      'a timestamp that is no number',
      inbound(BODY, { ...valid.headers, 'webhook-timestamp': 'yesterday' }),
      rejection('bad_signature', 'webhook-timestamp'),
    ],
    [
      'no signature header',
      inbound(BODY, { ...valid.headers, 'webhook-signature': undefined }),
      rejection('missing_signature', 'webhook-signature'),
    ],
    [
      'no timestamp header',
      inbound(BODY, { ...valid.headers, 'webhook-timestamp': undefined }),
      rejection('missing_signature', 'webhook-timestamp'),
    ],
    [
      'no id header',
      inbound(BODY, { ...valid.headers, 'webhook-id': undefined }),
      rejection('missing_signature', 'webhook-id'),
    ],
    [
      'a stale timestamp',
      providerSigned(NOW_SECONDS - 301),
      rejection('stale_timestamp', 'webhook-timestamp', 301),
    ],
    [
      'a future timestamp',
      providerSigned(NOW_SECONDS + 3_600),
      rejection('stale_timestamp', 'webhook-timestamp', -3_600),
    ],
    [
      'a bad signature with a stale timestamp',
      tampered(providerSigned(NOW_SECONDS - 3_600)),
      rejection('bad_signature', 'webhook-signature'),
    ],
  ])('rejects %s', (_case, request, expected) => {
    expect(verifySignature(config, request, NOW)).toMatchObject({ ok: false, ...expected });
  });

  it('reports the claimed time and the delivery id with a failure', () => {
    expect(verifySignature(config, providerSigned(NOW_SECONDS - 301), NOW)).toEqual({
      ok: false,
      failure: 'stale_timestamp',
      header: 'webhook-timestamp',
      skewSeconds: 301,
      deliveryId: ID,
      signedAt: new Date((NOW_SECONDS - 301) * 1000),
    });
  });

  it('signs what standardwebhooks verifies', () => {
    // The package checks the timestamp against the clock, so this signature is made now.
    const headers = signRequest(
      { scheme: 'standard', secret: SECRET, hmac: null },
      { body: Buffer.from(BODY), url: HOOK_URL, contentType: 'application/json' },
      new Date(),
      ID,
    );
    expect(new Webhook(SECRET).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(Object.keys(headers)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
  });

  it.each<[string, InboundRequest, string | null]>([
    ['its webhook-id', valid, ID],
    ['nothing without one', inbound(BODY, { 'x-webhook-id': 'other' }), null],
  ])('takes the delivery id from %s', (_case, request, expected) => {
    expect(deliveryIdOf('standard', request)).toBe(expected);
  });
});
