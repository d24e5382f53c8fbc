import type { HmacSignature } from '@ihm/contracts';
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

const SECRET = 'a shared hmac secret';
const BODY = JSON.stringify({ event: 'order.shipped', id: 'ord_1' });
const HEX: HmacSignature = { header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' };
const BASE64: HmacSignature = { header: 'X-Payload-Signature', encoding: 'base64', prefix: '' };

const digest = (encoding: 'hex' | 'base64', secret = SECRET, body = BODY) =>
  createHmac('sha256', secret).update(body).digest(encoding);

describe('hmac', () => {
  it.each<[string, HmacSignature, InboundRequest]>([
    ['hex after a prefix', HEX, inbound(BODY, { 'X-Signature': `sha256=${digest('hex')}` })],
    ['hex in upper case', HEX, inbound(BODY, { 'X-Signature': `sha256=${digest('hex').toUpperCase()}` })],
    ['base64 without a prefix', BASE64, inbound(BODY, { 'X-Payload-Signature': digest('base64') })],
    [
      'signed by signRequest',
      HEX,
      inbound(
        BODY,
        signRequest(
          { scheme: 'hmac', secret: SECRET, hmac: HEX },
          { body: BODY, url: HOOK_URL, contentType: 'application/json' },
          NOW,
          'delivery-1',
        ),
      ),
    ],
  ])('accepts %s', (_case, settings, request) => {
    expect(verifySignature(schemeConfig('hmac', SECRET, settings), request, NOW)).toMatchObject({ ok: true });
  });

  it('signs the computed value after the prefix, with a delivery id', () => {
    const headers = signRequest(
      { scheme: 'hmac', secret: SECRET, hmac: BASE64 },
      { body: Buffer.from(BODY), url: HOOK_URL, contentType: 'application/json' },
      NOW,
      'delivery-1',
    );
    expect(headers).toEqual({ 'X-Webhook-Id': 'delivery-1', 'X-Payload-Signature': digest('base64') });
  });

  it.each<[string, HmacSignature, InboundRequest, Rejection]>([
    [
      'a tampered body',
      HEX,
      tampered(inbound(BODY, { 'x-signature': `sha256=${digest('hex')}` })),
      rejection('bad_signature', 'X-Signature'),
    ],
    [
      'a wrong secret',
      HEX,
      inbound(BODY, { 'x-signature': `sha256=${digest('hex', 'wrong')}` }),
      rejection('bad_signature', 'X-Signature'),
    ],
    [
      'a missing prefix',
      HEX,
      inbound(BODY, { 'x-signature': digest('hex') }),
      rejection('bad_signature', 'X-Signature'),
    ],
    [
      'the other encoding',
      BASE64,
      inbound(BODY, { 'x-payload-signature': digest('hex') }),
      rejection('bad_signature', 'X-Payload-Signature'),
    ],
    [
      'bad base64',
      BASE64,
      inbound(BODY, { 'x-payload-signature': '!!!' }),
      rejection('bad_signature', 'X-Payload-Signature'),
    ],
    ['no signature header', HEX, inbound(BODY, {}), rejection('missing_signature', 'X-Signature')],
  ])('rejects %s', (_case, settings, request, expected) => {
    expect(verifySignature(schemeConfig('hmac', SECRET, settings), request, NOW)).toMatchObject({
      ok: false,
      ...expected,
    });
  });

  it.each<[string, Record<string, string>, string | null]>([
    [
      'webhook-id first',
      { 'idempotency-key': 'd', 'x-delivery-id': 'c', 'x-webhook-id': 'b', 'webhook-id': 'a' },
      'a',
    ],
    ['x-webhook-id next', { 'idempotency-key': 'd', 'x-delivery-id': 'c', 'x-webhook-id': 'b' }, 'b'],
    ['x-delivery-id next', { 'idempotency-key': 'd', 'x-delivery-id': 'c' }, 'c'],
    ['idempotency-key last', { 'idempotency-key': 'd' }, 'd'],
    ['nothing otherwise', { 'x-github-delivery': 'e' }, null],
  ])('takes the delivery id from %s', (_case, headers, expected) => {
    expect(deliveryIdOf('hmac', inbound(BODY, headers))).toBe(expected);
    expect(deliveryIdOf('none', inbound(BODY, headers))).toBe(expected);
  });
});
