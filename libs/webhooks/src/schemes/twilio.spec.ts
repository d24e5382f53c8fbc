import { parse } from 'node:querystring';
import twilio from 'twilio';
import { inbound, NOW, rejection, type Rejection, schemeConfig, tampered } from '../../test/support';
import { deliveryIdOf, deliveryUrlOf, type InboundRequest, signRequest, verifySignature } from '../index';

const TOKEN = '12345abcdefa1b2c3d4e5f6a7b8c9d0e';
const FORM = 'application/x-www-form-urlencoded';
const URL = 'https://hooks.example.com/twilio/voice?account=ops';
// Repeated parameters, one repeated with the same value: twilio signs each distinct value once, sorted.
const FORM_BODY =
  'CallSid=CA1234567890ABCDE&From=%2B14158675310&To=%2B18005551212&Digits=2&Digits=1&Digits=2&Caller=Jane+Doe';
const IDEMPOTENCY = 'AC00000000000000000000000000000000-1';
const config = schemeConfig('twilio', TOKEN);

/**
 * The POST parameters as a framework hands them to twilio's validateRequest. The arrays are copied into the
 * spec's realm: twilio tells a repeated parameter by `instanceof Array`, which an array from Node's own
 * querystring fails under Jest.
 */
const paramsOf = (body: string) =>
  Object.fromEntries(
    Object.entries(parse(body)).map(([name, value]) => [name, Array.isArray(value) ? [...value] : value]),
  );

function formRequest(signature: string, url = URL, body = FORM_BODY): InboundRequest {
  return inbound(
    body,
    {
      'Content-Type': `${FORM}; charset=utf-8`,
      'X-Twilio-Signature': signature,
      'I-Twilio-Idempotency-Token': IDEMPOTENCY,
    },
    url,
  );
}

describe('twilio form bodies', () => {
  // [case, the URL Twilio signed, the URL the request arrived at]: each must agree with twilio's validateRequest.
  it.each<[string, string, string]>([
    ['as received', URL, URL],
    [
      'signed with the default port, received without',
      'https://hooks.example.com:443/twilio/voice?account=ops',
      URL,
    ],
    [
      'signed without the port, received with it',
      URL,
      'https://hooks.example.com:443/twilio/voice?account=ops',
    ],
    ['http with port 80', 'http://hooks.example.com:80/twilio', 'http://hooks.example.com/twilio'],
    [
      "normalized by new URL() (the ' escaped)",
      'https://hooks.example.com/twilio?name=O%27Brien',
      "https://hooks.example.com/twilio?name=O'Brien",
    ],
    [
      'with the query re-encoded by the legacy querystring',
      'https://hooks.example.com/twilio?q=a%20b',
      'https://hooks.example.com/twilio?q=a+b',
    ],
  ])('accepts a signature %s', (_case, signedUrl, receivedUrl) => {
    const signature = twilio.getExpectedTwilioSignature(TOKEN, signedUrl, paramsOf(FORM_BODY));
    expect(twilio.validateRequest(TOKEN, signature, receivedUrl, paramsOf(FORM_BODY))).toBe(true);
    expect(verifySignature(config, formRequest(signature, receivedUrl), NOW)).toEqual({
      ok: true,
      deliveryId: IDEMPOTENCY,
      signedAt: null,
    });
  });

  it('signs what twilio computes and validateRequest accepts', () => {
    const headers = signRequest(
      { scheme: 'twilio', secret: TOKEN, hmac: null },
      { body: FORM_BODY, url: URL, contentType: FORM },
      NOW,
      IDEMPOTENCY,
    );
    const expected = twilio.getExpectedTwilioSignature(TOKEN, URL, paramsOf(FORM_BODY));
    expect(headers).toEqual({ 'I-Twilio-Idempotency-Token': IDEMPOTENCY, 'X-Twilio-Signature': expected });
    expect(twilio.validateRequest(TOKEN, expected, URL, paramsOf(FORM_BODY))).toBe(true);
  });

  const valid = twilio.getExpectedTwilioSignature(TOKEN, URL, paramsOf(FORM_BODY));
  it.each<[string, InboundRequest, Rejection]>([
    ['a tampered body', tampered(formRequest(valid)), rejection('bad_signature', 'X-Twilio-Signature')],
    [
      'a parameter changed',
      formRequest(valid, URL, FORM_BODY.replace('Digits=1', 'Digits=3')),
      rejection('bad_signature', 'X-Twilio-Signature'),
    ],
    [
      'another URL',
      formRequest(valid, 'https://hooks.example.com/twilio/sms?account=ops'),
      rejection('bad_signature', 'X-Twilio-Signature'),
    ],
    [
      'a wrong auth token',
      formRequest(twilio.getExpectedTwilioSignature('another token', URL, paramsOf(FORM_BODY))),
      rejection('bad_signature', 'X-Twilio-Signature'),
    ],
    ['bad base64', formRequest('***'), rejection('bad_signature', 'X-Twilio-Signature')],
    [
      'no signature header',
      inbound(FORM_BODY, { 'content-type': FORM, 'i-twilio-idempotency-token': IDEMPOTENCY }, URL),
      rejection('missing_signature', 'X-Twilio-Signature'),
    ],
  ])('rejects %s', (_case, request, expected) => {
    expect(verifySignature(config, request, NOW)).toMatchObject({
      ok: false,
      ...expected,
      deliveryId: IDEMPOTENCY,
    });
  });
});

describe('twilio JSON bodies', () => {
  const BODY = JSON.stringify({ event: 'message.delivered', sid: 'SM123' });
  const hashedUrl = (body: string) =>
    `https://hooks.example.com/twilio/events?bodySHA256=${twilio.getExpectedBodyHash(body)}`;
  const jsonRequest = (signature: string, url = hashedUrl(BODY), body = BODY) =>
    inbound(body, { 'content-type': 'application/json', 'x-twilio-signature': signature }, url);
  const signed = twilio.getExpectedTwilioSignature(TOKEN, hashedUrl(BODY), {});

  it('accepts a body whose SHA-256 the signed URL carries', () => {
    expect(twilio.validateRequestWithBody(TOKEN, signed, hashedUrl(BODY), BODY)).toBe(true);
    expect(verifySignature(config, jsonRequest(signed), NOW)).toEqual({
      ok: true,
      deliveryId: null,
      signedAt: null,
    });
  });

  it('signs what validateRequestWithBody accepts', () => {
    const headers = signRequest(
      { scheme: 'twilio', secret: TOKEN, hmac: null },
      { body: Buffer.from(BODY), url: hashedUrl(BODY), contentType: 'application/json' },
      NOW,
      IDEMPOTENCY,
    );
    expect(
      twilio.validateRequestWithBody(TOKEN, headers['X-Twilio-Signature'] ?? '', hashedUrl(BODY), BODY),
    ).toBe(true);
  });

  it('delivers a JSON body to the URL with its bodySHA256, and a form body to the URL as it is', () => {
    const plain = 'https://hooks.example.com/twilio/events';
    const url = deliveryUrlOf('twilio', { body: BODY, url: plain, contentType: 'application/json' });
    expect(url).toBe(hashedUrl(BODY));
    const headers = signRequest(
      { scheme: 'twilio', secret: TOKEN, hmac: null },
      { body: BODY, url, contentType: 'application/json' },
      NOW,
      IDEMPOTENCY,
    );
    expect(twilio.validateRequestWithBody(TOKEN, headers['X-Twilio-Signature'] ?? '', url, BODY)).toBe(true);
    expect(deliveryUrlOf('twilio', { body: FORM_BODY, url: URL, contentType: FORM })).toBe(URL);
    expect(deliveryUrlOf('github', { body: BODY, url: plain, contentType: 'application/json' })).toBe(plain);
  });

  it.each<[string, string]>([
    ['without bodySHA256 in the URL', 'https://hooks.example.com/twilio/events'],
    ['with a bodySHA256 of another body', hashedUrl('{}')],
  ])('refuses to sign a JSON body %s (the signature would not cover it)', (_case, url) => {
    expect(() =>
      signRequest(
        { scheme: 'twilio', secret: TOKEN, hmac: null },
        { body: BODY, url, contentType: 'application/json' },
        NOW,
        IDEMPOTENCY,
      ),
    ).toThrow(TypeError);
  });

  const otherBody = JSON.stringify({ event: 'message.failed', sid: 'SM123' });
  it.each<[string, InboundRequest, boolean]>([
    ['a tampered body', jsonRequest(signed, hashedUrl(BODY), otherBody), false],
    [
      'a body hash changed along with the body, the signature not',
      jsonRequest(signed, hashedUrl(otherBody), otherBody),
      false,
    ],
    [
      'a wrong auth token',
      jsonRequest(twilio.getExpectedTwilioSignature('other', hashedUrl(BODY), {})),
      false,
    ],
  ])('rejects %s as twilio does', (_case, request, twilioSays) => {
    const body = request.body.toString();
    expect(
      twilio.validateRequestWithBody(TOKEN, request.headers['x-twilio-signature'] ?? '', request.url, body),
    ).toBe(twilioSays);
    expect(verifySignature(config, request, NOW)).toMatchObject({
      ok: false,
      ...rejection('bad_signature', 'X-Twilio-Signature'),
    });
  });

  it('rejects a JSON body the signed URL does not cover', () => {
    const url = 'https://hooks.example.com/twilio/events';
    const urlOnly = twilio.getExpectedTwilioSignature(TOKEN, url, {});
    expect(verifySignature(config, jsonRequest(urlOnly, url), NOW)).toMatchObject({
      ok: false,
      ...rejection('bad_signature', 'X-Twilio-Signature'),
    });
  });

  it('accepts a request without a body on its URL alone', () => {
    const url = 'https://hooks.example.com/twilio/status?CallSid=CA1';
    const urlOnly = twilio.getExpectedTwilioSignature(TOKEN, url, {});
    expect(verifySignature(config, inbound('', { 'x-twilio-signature': urlOnly }, url), NOW).ok).toBe(true);
  });
});

describe('twilio delivery id', () => {
  it.each<[string, Record<string, string>, string | null]>([
    ['I-Twilio-Idempotency-Token', { 'I-Twilio-Idempotency-Token': IDEMPOTENCY }, IDEMPOTENCY],
    ['nothing without it', { 'idempotency-key': 'other' }, null],
  ])('comes from %s', (_case, headers, expected) => {
    expect(deliveryIdOf('twilio', inbound('', headers))).toBe(expected);
  });
});
