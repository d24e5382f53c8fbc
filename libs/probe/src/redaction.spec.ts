import type { Auth } from '@ihm/contracts';
import { redactionFor, textRedaction, type RedactedTarget } from './redaction';

const target = (parts: Partial<RedactedTarget>): RedactedTarget => ({
  url: 'https://api.example.com/v1',
  auth: { type: 'none' },
  headers: {},
  body: null,
  ...parts,
});

const redact = (auth: Auth, text: string, headers: Record<string, string> = {}) =>
  redactionFor(target({ auth, headers })).text(text);

describe(redactionFor.name, () => {
  it.each<[string, Auth, string, string]>([
    [
      'an API key',
      { type: 'apiKey', in: 'query', name: 'key', value: 'k3y-value' },
      'key=k3y-value',
      'key=[redacted]',
    ],
    [
      'a URL-encoded key',
      { type: 'apiKey', in: 'query', name: 'key', value: 'a b&c' },
      'key=a%20b%26c',
      'key=[redacted]',
    ],
    ['a bearer token', { type: 'bearer', token: 'tok-123456' }, 'got tok-123456', 'got [redacted]'],
    [
      'basic credentials in base64',
      { type: 'basic', username: 'user', password: 'pass-word' },
      `Basic ${Buffer.from('user:pass-word').toString('base64')}`,
      'Basic [redacted]',
    ],
    [
      'an OAuth2 client secret',
      {
        type: 'oauth2ClientCredentials',
        tokenUrl: 'https://t.example/token',
        clientId: 'id',
        clientSecret: 'cl-secret',
      },
      'secret=cl-secret',
      'secret=[redacted]',
    ],
    ['nothing with no auth', { type: 'none' }, 'plain text', 'plain text'],
    ['no secret shorter than 4 characters', { type: 'bearer', token: 'abc' }, 'abc', 'abc'],
  ])('redacts %s', (_label, auth, text, expected) => {
    expect(redact(auth, text)).toBe(expected);
  });

  it("redacts credential-like headers' values, and not other headers'", () => {
    const headers = { 'X-Api-Token': 'HEADER-SECRET', 'X-Request-Id': 'req-1234' };
    expect(redact({ type: 'none' }, 'HEADER-SECRET req-1234', headers)).toBe('[redacted] req-1234');
  });

  it('always hides cookies and authorization headers of a response', () => {
    const { headers } = redactionFor(target({}));
    expect(headers({ 'set-cookie': 'session=1', authorization: 'x', 'content-type': 'text/plain' })).toEqual({
      'set-cookie': '[redacted]',
      authorization: '[redacted]',
      'content-type': 'text/plain',
    });
  });
});

describe('redactionFor, beyond the configured secrets', () => {
  it('redacts what the probe obtained, such as an OAuth2 access token', () => {
    const { text } = redactionFor(target({}), ['access-token-XYZ']);
    expect(text('echo: Bearer access-token-XYZ')).toBe('echo: Bearer [redacted]');
  });

  it('redacts a longer secret whole when a shorter one sits inside it', () => {
    const { text } = redactionFor(
      target({
        auth: { type: 'bearer', token: 'abcd' },
        headers: { 'X-Api-Key': 'xxabcdxx' },
      }),
    );
    expect(text('key xxabcdxx')).toBe('key [redacted]');
  });

  it('redacts a query key as URLSearchParams encodes it', () => {
    const { text } = redactionFor(
      target({
        auth: { type: 'apiKey', in: 'query', name: 'key', value: 'a b!c' },
        headers: {},
      }),
    );
    expect(text('GET /v1?key=a+b%21c')).toBe('GET /v1?key=[redacted]');
  });

  it("redacts the values of the URL's credential parameters and the body's credential fields", () => {
    const { text } = redactionFor(
      target({
        url: 'https://api.example.com/v1?api_key=QUERY-SECRET&page=2',
        body: '{"user":"me","password":"BODY-SECRET"}',
      }),
    );
    expect(text('echo api_key=QUERY-SECRET page=2 {"password":"BODY-SECRET"}')).toBe(
      'echo api_key=[redacted] page=2 {"password":"[redacted]"}',
    );
  });

  it('redacts an OAuth2 client id and secret as client_secret_basic sends them', () => {
    const { text } = redactionFor(
      target({
        auth: {
          type: 'oauth2ClientCredentials',
          tokenUrl: 'https://auth.example.com/token',
          clientId: 'my client',
          clientSecret: 's3cr3t/+',
        },
      }),
    );
    const basic = Buffer.from(
      `${encodeURIComponent('my client')}:${encodeURIComponent('s3cr3t/+')}`,
    ).toString('base64');
    expect(text(`bad client: Basic ${basic}`)).toBe('bad client: Basic [redacted]');
  });
});

describe(textRedaction.name, () => {
  it('redacts a secret URL by its path and query too, as a receiver quoting its request shows it', () => {
    const text = textRedaction(['https://hooks.slack.com/services/T0/B0/XXXXSECRET']);
    expect(text('got POST /services/T0/B0/XXXXSECRET')).toBe('got POST [redacted]');
    expect(text('url https://hooks.slack.com/services/T0/B0/XXXXSECRET')).toBe('url [redacted]');
  });
});
