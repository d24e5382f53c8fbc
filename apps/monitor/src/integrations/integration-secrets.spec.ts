import { MASKED_SECRET, type Auth } from '@ihm/contracts';
import {
  findMaskedSecrets,
  joinSecrets,
  keepMaskedSecrets,
  splitSecrets,
  type HttpSecretBearing,
} from './integration-secrets';

const URL_A = 'https://api.example.com/v1/orders';

/** A definition's secret-bearing parts: defaults for what a case does not name. */
function bearing(parts: Partial<HttpSecretBearing>): HttpSecretBearing {
  return {
    kind: 'http',
    url: URL_A,
    auth: { type: 'none' },
    clientCertificate: null,
    signing: null,
    headers: {},
    body: null,
    ...parts,
  };
}

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
    const value = bearing({
      auth,
      headers: { Accept: 'application/json', 'X-Api-Key': 'h-123', Cookie: 'sid=1' },
    });
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

  it('keeps stored secrets where an update sends the mask back', () => {
    const stored = bearing({
      url: URL_A,
      auth: { type: 'bearer', token: 'old' } as Auth,
      headers: { 'X-Api-Key': 'old-key' },
    });
    const incoming = bearing({
      url: URL_A,
      auth: { type: 'bearer', token: MASKED_SECRET } as Auth,
      headers: { 'X-Api-Key': MASKED_SECRET },
    });
    expect(keepMaskedSecrets(incoming, stored)).toEqual({ value: stored, errors: [] });
  });

  it('replaces a secret the update changes', () => {
    const stored = bearing({ url: URL_A, auth: { type: 'bearer', token: 'old' } as Auth, headers: {} });
    const incoming = bearing({
      url: 'https://elsewhere.example',
      auth: { type: 'bearer', token: 'new' } as Auth,
      headers: {},
    });
    expect(keepMaskedSecrets(incoming, stored).value.auth).toEqual({ type: 'bearer', token: 'new' });
  });

  it('refuses a mask with nothing stored behind it', () => {
    const stored = bearing({ url: URL_A, auth: { type: 'bearer', token: 'old' } as Auth, headers: {} });
    const incoming = bearing({
      url: URL_A,
      auth: { type: 'basic', username: 'u', password: MASKED_SECRET } as Auth,
      headers: { Authorization: MASKED_SECRET },
    });
    expect(keepMaskedSecrets(incoming, stored).errors.map((e) => e.field)).toEqual([
      'auth.password',
      'headers.Authorization',
    ]);
    expect(findMaskedSecrets(bearing({ auth: { type: 'bearer', token: MASKED_SECRET } }))).toHaveLength(1);
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
    const stored = bearing({ url: URL_A, auth: storedAuth, headers: { 'X-Api-Key': 'old-key' } });
    const { errors } = keepMaskedSecrets(
      bearing({ url, auth, headers: { 'X-Api-Key': MASKED_SECRET } }),
      stored,
    );
    expect(errors.map((e) => e.field)).toEqual(fields);
    for (const error of errors) expect(error.message).toMatch(/^enter the secret again: .* new origin/);
  });

  it('takes a secret typed again whatever its destination', () => {
    const stored = bearing({ url: URL_A, auth: bearer('old'), headers: { 'X-Api-Key': 'old-key' } });
    const incoming = bearing({
      url: 'https://new.example',
      auth: bearer('new'),
      headers: { 'X-Api-Key': 'new-key' },
    });
    expect(keepMaskedSecrets(incoming, stored)).toEqual({ value: incoming, errors: [] });
  });
});

describe('integration secrets in the URL and the body', () => {
  const value = bearing({
    url: 'https://maps.example.com/v1/geocode?address=Berlin&key=AIza-123&sig=s-123',
    method: 'POST',
    body: '{\n  "client_id": "me",\n  "client_secret": "cs-123",\n  "items": [{ "password": "p-123" }]\n}',
  } as Partial<HttpSecretBearing>);

  it('masks credential-named query parameters and body fields, and restores them', () => {
    const { masked, secrets } = splitSecrets(value);
    expect(masked.url).toBe('https://maps.example.com/v1/geocode?address=Berlin&key=********&sig=********');
    expect(masked.body).toBe(
      '{\n  "client_id": "me",\n  "client_secret": "********",\n  "items": [{ "password": "********" }]\n}',
    );
    expect(JSON.stringify(masked)).not.toMatch(/-123/);
    expect(joinSecrets(masked, secrets)).toEqual(value);
  });

  it('restores a form body and keeps its other bytes', () => {
    const form = bearing({ body: 'grant_type=client_credentials&client_secret=a%2Bb-123&scope=read+write' });
    const { masked, secrets } = splitSecrets(form);
    expect(masked.body).toBe('grant_type=client_credentials&client_secret=********&scope=read+write');
    expect(joinSecrets(masked, secrets).body).toBe(
      'grant_type=client_credentials&client_secret=a%2Bb-123&scope=read+write',
    );
  });

  it('reads secrets sealed before the URL and the body had any', () => {
    const masked = bearing({ auth: { type: 'bearer', token: MASKED_SECRET } });
    expect(joinSecrets(masked, { auth: { token: 't-123' }, headers: {} }).auth).toEqual({
      type: 'bearer',
      token: 't-123',
    });
  });

  it('keeps masked parameters and fields on update, and takes changed ones', () => {
    const { masked } = splitSecrets(value);
    const incoming = {
      ...masked,
      url: masked.url.replace('Berlin', 'Paris').replace('sig=********', 'sig=new'),
    };
    const { value: kept, errors } = keepMaskedSecrets(incoming, value);
    expect(errors).toEqual([]);
    expect(kept.url).toBe('https://maps.example.com/v1/geocode?address=Paris&key=AIza-123&sig=new');
    expect(kept.body).toBe(value.body);
  });

  it('refuses a mask with no stored value, and stored values sent to a new origin', () => {
    const incoming = bearing({
      url: 'https://maps.example.com/v1/geocode?api_key=********',
      body: '{"token":"********"}',
    });
    expect(keepMaskedSecrets(incoming, value).errors).toEqual([
      { field: 'url', message: 'enter the value of the query parameter api_key: none is stored for it' },
      { field: 'body', message: 'enter the value of /token: none is stored for it' },
    ]);
    const moved = { ...splitSecrets(value).masked, url: 'https://collector.example/?key=********' };
    expect(keepMaskedSecrets(moved, value).errors.map((e) => e.field)).toEqual(['url', 'body', 'body']);
    expect(findMaskedSecrets(bearing({ url: 'https://a.example/?token=********' }))).toHaveLength(1);
  });
});

function bearer(token: string): Auth {
  return { type: 'bearer', token };
}

describe('integration secrets of webhook signing and receiving', () => {
  it('masks and restores the signing secret, and keeps it only for the same origin', () => {
    const signing = { scheme: 'github', secret: 'gh-123', hmac: null };
    const value = bearing({ signing });
    const { masked, secrets } = splitSecrets(value);
    expect(masked.signing).toEqual({ scheme: 'github', secret: MASKED_SECRET, hmac: null });
    expect(joinSecrets(masked, secrets)).toEqual(value);
    expect(keepMaskedSecrets(masked, value).value.signing?.secret).toBe('gh-123');
    expect(keepMaskedSecrets({ ...masked, url: 'https://elsewhere.example/hook' }, value).errors).toEqual([
      {
        field: 'signing.secret',
        message:
          'enter the secret again: the stored one is not sent to a new origin (https://elsewhere.example)',
      },
    ]);
  });

  it('masks and restores a webhook receiver secret, which no origin change concerns', () => {
    const value = { kind: 'webhook' as const, webhook: { scheme: 'stripe', secret: 'whsec_123' } };
    const { masked, secrets } = splitSecrets(value);
    expect(masked.webhook.secret).toBe(MASKED_SECRET);
    expect(JSON.stringify(masked)).not.toContain('whsec_123');
    expect(joinSecrets(masked, secrets)).toEqual(value);
    expect(keepMaskedSecrets(masked, value)).toEqual({ value, errors: [] });
    expect(findMaskedSecrets(masked)).toEqual([
      { field: 'webhook.secret', message: 'enter the secret: none is stored for it' },
    ]);
  });
});
