import { MASKED_SECRET, type Auth } from '@ihm/contracts';
import { findMaskedSecrets, joinSecrets, keepMaskedSecrets, splitSecrets } from './integration-secrets';

describe('integration secrets', () => {
  const cases: { auth: Auth; secretField: string }[] = [
    { auth: { type: 'apiKey', in: 'header', name: 'X-Key', value: 'k-123' }, secretField: 'value' },
    { auth: { type: 'bearer', token: 't-123' }, secretField: 'token' },
    { auth: { type: 'basic', username: 'me', password: 'p-123' }, secretField: 'password' },
    {
      auth: {
        type: 'oauth2ClientCredentials',
        tokenUrl: 'https://a/t',
        clientId: 'c',
        clientSecret: 's-123',
      },
      secretField: 'clientSecret',
    },
  ];

  it.each(cases)('masks and restores the $auth.type secret', ({ auth, secretField }) => {
    const value = { auth, headers: { Accept: 'application/json', 'X-Api-Key': 'h-123', Cookie: 'sid=1' } };
    const { masked, secrets } = splitSecrets(value);
    expect((masked.auth as Record<string, unknown>)[secretField]).toBe(MASKED_SECRET);
    expect(masked.headers).toEqual({
      Accept: 'application/json',
      'X-Api-Key': MASKED_SECRET,
      Cookie: MASKED_SECRET,
    });
    expect(JSON.stringify(masked)).not.toMatch(/-123|sid=1/);
    expect(joinSecrets(masked, secrets)).toEqual(value);
  });

  const URL_A = 'https://api.example.com/v1/orders';

  it('keeps stored secrets where an update sends the mask back', () => {
    const stored = {
      url: URL_A,
      auth: { type: 'bearer', token: 'old' } as Auth,
      headers: { 'X-Api-Key': 'old-key' },
    };
    const incoming = {
      url: URL_A,
      auth: { type: 'bearer', token: MASKED_SECRET } as Auth,
      headers: { 'X-Api-Key': MASKED_SECRET },
    };
    expect(keepMaskedSecrets(incoming, stored)).toEqual({ value: stored, errors: [] });
  });

  it('replaces a secret the update changes', () => {
    const stored = { url: URL_A, auth: { type: 'bearer', token: 'old' } as Auth, headers: {} };
    const incoming = {
      url: 'https://elsewhere.example',
      auth: { type: 'bearer', token: 'new' } as Auth,
      headers: {},
    };
    expect(keepMaskedSecrets(incoming, stored).value.auth).toEqual({ type: 'bearer', token: 'new' });
  });

  it('refuses a mask with nothing stored behind it', () => {
    const stored = { url: URL_A, auth: { type: 'bearer', token: 'old' } as Auth, headers: {} };
    const incoming = {
      url: URL_A,
      auth: { type: 'basic', username: 'u', password: MASKED_SECRET } as Auth,
      headers: { Authorization: MASKED_SECRET },
    };
    expect(keepMaskedSecrets(incoming, stored).errors.map((e) => e.field)).toEqual([
      'auth.password',
      'headers.Authorization',
    ]);
    expect(
      findMaskedSecrets({ url: URL_A, auth: { type: 'bearer', token: MASKED_SECRET }, headers: {} }),
    ).toHaveLength(1);
  });

  const oauth = (tokenUrl: string, clientSecret: string): Auth => ({
    type: 'oauth2ClientCredentials',
    tokenUrl,
    clientId: 'c',
    clientSecret,
  });
  const TOKEN_URL = 'https://auth.example.com/oauth/token';

  it.each<[string, string, Auth, Auth, string[]]>([
    [
      'same origin, other path',
      'https://api.example.com/v2/health',
      bearer('old'),
      bearer(MASKED_SECRET),
      [],
    ],
    [
      'another host',
      'https://collector.example/x',
      bearer('old'),
      bearer(MASKED_SECRET),
      ['auth.token', 'headers.X-Api-Key'],
    ],
    [
      'another port',
      'https://api.example.com:8443/v1/orders',
      bearer('old'),
      bearer(MASKED_SECRET),
      ['auth.token', 'headers.X-Api-Key'],
    ],
    [
      'http instead of https',
      'http://api.example.com/v1/orders',
      bearer('old'),
      bearer(MASKED_SECRET),
      ['auth.token', 'headers.X-Api-Key'],
    ],
    // The client secret goes to the token endpoint, and the access token it buys to the API: either moving
    // needs the secret again.
    [
      'OAuth2, API moved',
      'https://other.example/v1',
      oauth(TOKEN_URL, 'old'),
      oauth(TOKEN_URL, MASKED_SECRET),
      ['auth.clientSecret', 'headers.X-Api-Key'],
    ],
    [
      'OAuth2, token endpoint moved',
      URL_A,
      oauth(TOKEN_URL, 'old'),
      oauth('https://evil.example/token', MASKED_SECRET),
      ['auth.clientSecret'],
    ],
    // Validation names a bad URL; nothing is sent with it.
    ['an unparsable URL', 'not a url', bearer('old'), bearer(MASKED_SECRET), []],
  ])('a masked secret whose destination is %s: errors on %j', (_label, url, storedAuth, auth, fields) => {
    const stored = { url: URL_A, auth: storedAuth, headers: { 'X-Api-Key': 'old-key' } };
    const { errors } = keepMaskedSecrets({ url, auth, headers: { 'X-Api-Key': MASKED_SECRET } }, stored);
    expect(errors.map((e) => e.field)).toEqual(fields);
    for (const error of errors) expect(error.message).toMatch(/^enter the secret again: .* new origin/);
  });

  it('takes a secret typed again whatever its destination', () => {
    const stored = { url: URL_A, auth: bearer('old'), headers: { 'X-Api-Key': 'old-key' } };
    const incoming = { url: 'https://new.example', auth: bearer('new'), headers: { 'X-Api-Key': 'new-key' } };
    expect(keepMaskedSecrets(incoming, stored)).toEqual({ value: incoming, errors: [] });
  });
});

function bearer(token: string): Auth {
  return { type: 'bearer', token };
}
