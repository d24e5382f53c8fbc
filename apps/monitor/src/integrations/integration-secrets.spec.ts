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

  it('keeps stored secrets where an update sends the mask back', () => {
    const stored = { auth: { type: 'bearer', token: 'old' } as Auth, headers: { 'X-Api-Key': 'old-key' } };
    const incoming = {
      auth: { type: 'bearer', token: MASKED_SECRET } as Auth,
      headers: { 'X-Api-Key': MASKED_SECRET },
    };
    expect(keepMaskedSecrets(incoming, stored)).toEqual({ value: stored, errors: [] });
  });

  it('replaces a secret the update changes', () => {
    const stored = { auth: { type: 'bearer', token: 'old' } as Auth, headers: {} };
    const incoming = { auth: { type: 'bearer', token: 'new' } as Auth, headers: {} };
    expect(keepMaskedSecrets(incoming, stored).value.auth).toEqual({ type: 'bearer', token: 'new' });
  });

  it('refuses a mask with nothing stored behind it', () => {
    const stored = { auth: { type: 'bearer', token: 'old' } as Auth, headers: {} };
    const incoming = {
      auth: { type: 'basic', username: 'u', password: MASKED_SECRET } as Auth,
      headers: { Authorization: MASKED_SECRET },
    };
    expect(keepMaskedSecrets(incoming, stored).errors.map((e) => e.field)).toEqual([
      'auth.password',
      'headers.Authorization',
    ]);
    expect(findMaskedSecrets({ auth: { type: 'bearer', token: MASKED_SECRET }, headers: {} })).toHaveLength(
      1,
    );
  });
});
