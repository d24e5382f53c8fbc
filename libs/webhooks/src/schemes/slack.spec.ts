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

// The worked example of Slack's "Verifying requests from Slack": a slash command's form body.
const DOC = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
    '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const DOC_NOW = new Date((DOC.timestamp + 60) * 1000);
const docConfig = schemeConfig('slack', DOC.secret);
const docRequest = (headers: Record<string, string | undefined> = {}, body = DOC.body) =>
  inbound(body, {
    'X-Slack-Request-Timestamp': String(DOC.timestamp),
    'X-Slack-Signature': DOC.signature,
    ...headers,
  });

const EVENT = JSON.stringify({
  type: 'event_callback',
  event_id: 'Ev08MFMKH6',
  event: { type: 'app_mention' },
});
const sign = (now: Date, body: string, secret = DOC.secret) =>
  signRequest(
    { scheme: 'slack', secret, hmac: null },
    { body, url: HOOK_URL, contentType: 'application/json' },
    now,
    'ignored',
  );

describe('slack', () => {
  it("accepts Slack's published example", () => {
    expect(verifySignature(docConfig, docRequest(), DOC_NOW)).toEqual({
      ok: true,
      deliveryId: null,
      signedAt: new Date(DOC.timestamp * 1000),
    });
  });

  it("signs Slack's published example as Slack did", () => {
    expect(sign(new Date(DOC.timestamp * 1000), DOC.body)).toEqual({
      'X-Slack-Request-Timestamp': String(DOC.timestamp),
      'X-Slack-Signature': DOC.signature,
    });
  });

  it('accepts an Events API request signed by signRequest, with its event id', () => {
    expect(verifySignature(docConfig, inbound(EVENT, sign(NOW, EVENT)), NOW)).toEqual({
      ok: true,
      deliveryId: 'Ev08MFMKH6',
      signedAt: new Date(NOW_SECONDS * 1000),
    });
  });

  const at = (seconds: number) => new Date(seconds * 1000);
  it.each<[string, InboundRequest, Date, Rejection]>([
    ['a tampered body', tampered(docRequest()), DOC_NOW, rejection('bad_signature', 'X-Slack-Signature')],
    [
      'a wrong secret',
      inbound(EVENT, sign(NOW, EVENT, 'not the signing secret')),
      NOW,
      rejection('bad_signature', 'X-Slack-Signature'),
    ],
    [
      'a signature of another version',
      docRequest({ 'X-Slack-Signature': DOC.signature.replace('v0=', 'v1=') }),
      DOC_NOW,
      rejection('bad_signature', 'X-Slack-Signature'),
    ],
    [
      'a timestamp other than the signed one',
      docRequest({ 'X-Slack-Request-Timestamp': String(DOC.timestamp + 1) }),
      DOC_NOW,
      rejection('bad_signature', 'X-Slack-Signature'),
    ],
    [
      'a timestamp that is no number',
      docRequest({ 'X-Slack-Request-Timestamp': 'now' }),
      DOC_NOW,
      rejection('bad_signature', 'X-Slack-Request-Timestamp'),
    ],
    [
      'no signature header',
      docRequest({ 'X-Slack-Signature': undefined }),
      DOC_NOW,
      rejection('missing_signature', 'X-Slack-Signature'),
    ],
    [
      'no timestamp header',
      docRequest({ 'X-Slack-Request-Timestamp': undefined }),
      DOC_NOW,
      rejection('missing_signature', 'X-Slack-Request-Timestamp'),
    ],
    [
      'a stale timestamp',
      docRequest(),
      at(DOC.timestamp + 301),
      rejection('stale_timestamp', 'X-Slack-Request-Timestamp', 301),
    ],
    [
      'a future timestamp',
      docRequest(),
      at(DOC.timestamp - 600),
      rejection('stale_timestamp', 'X-Slack-Request-Timestamp', -600),
    ],
    [
      'a bad signature with a stale timestamp',
      tampered(docRequest()),
      NOW,
      rejection('bad_signature', 'X-Slack-Signature'),
    ],
  ])('rejects %s', (_case, request, now, expected) => {
    expect(verifySignature(docConfig, request, now)).toMatchObject({ ok: false, ...expected });
  });

  it.each<[string, string, string | null]>([
    ["an Events API body's event_id", EVENT, 'Ev08MFMKH6'],
    ['nothing for a form body', DOC.body, null],
    ['nothing for JSON without event_id', JSON.stringify({ type: 'url_verification', challenge: 'c' }), null],
  ])('takes the delivery id from %s', (_case, body, expected) => {
    expect(deliveryIdOf('slack', inbound(body, {}))).toBe(expected);
  });
});
