import { MASKED_SECRET } from '@ihm/contracts';
import { CERTIFICATE, PRIVATE_KEY, storedIntegration } from './fixtures';
import { emptyForm, fromIntegration, type ClientCertificateForm, type FormState } from './form-state';
import { toDryRun, toHttpRequest, toRequest } from './to-request';

function filled(patch: Partial<FormState> = {}): FormState {
  return { ...emptyForm(), name: ' Payments ', url: ' https://api.example.com/status ', ...patch };
}

function requestOf(form: FormState) {
  const built = toHttpRequest(form);
  if (!built.ok) throw new Error(`unexpected errors: ${JSON.stringify(built.errors)}`);
  return built.request;
}

describe('toRequest', () => {
  it('builds the whole definition from a new form, with the API defaults', () => {
    expect(requestOf(filled())).toEqual({
      name: 'Payments',
      url: 'https://api.example.com/status',
      method: 'GET',
      headers: {},
      body: null,
      auth: { type: 'none' },
      clientCertificate: null,
      signing: null,
      expectedStatus: [],
      responseSchema: null,
      intervalSeconds: 60,
      timeoutMs: 10_000,
      latencyThresholdMs: null,
      rateLimitWarnPercent: 10,
      tokenExpiryWarnDays: 7,
      certificateExpiryWarnDays: 14,
      paused: false,
      tags: [],
    });
  });

  it('parses comma- or space-separated status codes; empty means any 2xx', () => {
    expect(requestOf(filled({ expectedStatus: '200, 201,204  404' })).expectedStatus).toEqual([
      200, 201, 204, 404,
    ]);
    expect(requestOf(filled({ expectedStatus: ' ' })).expectedStatus).toEqual([]);
  });

  it('refuses status codes and numbers that are not whole numbers', () => {
    const built = toRequest(filled({ expectedStatus: '200, 2xx', intervalSeconds: '1.5', timeoutMs: '' }));
    expect(built).toEqual({
      ok: false,
      errors: {
        expectedStatus: ['“2xx” is not a status code.'],
        intervalSeconds: ['Enter a whole number.'],
        timeoutMs: ['Enter a number.'],
      },
    });
  });

  it('sends the parsed schema, tags, latency threshold and the body only for methods that take one', () => {
    const request = requestOf(
      filled({
        method: 'POST',
        body: '{"q":1}',
        responseSchema: '{"type":"object"}',
        tags: 'payments, eu ,, core team',
        latencyThresholdMs: '800',
      }),
    );
    expect(request).toMatchObject({
      method: 'POST',
      body: '{"q":1}',
      responseSchema: { type: 'object' },
      tags: ['payments', 'eu', 'core team'],
      latencyThresholdMs: 800,
    });
    expect(requestOf(filled({ method: 'GET', body: 'left over' })).body).toBeNull();
  });

  it('reports a schema that does not parse under responseSchema', () => {
    const built = toRequest(filled({ responseSchema: '{"type": }' }));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors.responseSchema?.[0]).toMatch(/^Invalid JSON at line 1, column 10/);
  });

  it('builds each auth type from its own fields', () => {
    const auth = emptyForm().auth;
    expect(
      requestOf(filled({ auth: { ...auth, type: 'apiKey', in: 'query', name: ' key ', value: 's3' } })).auth,
    ).toEqual({ type: 'apiKey', in: 'query', name: 'key', value: 's3' });
    expect(
      requestOf(filled({ auth: { ...auth, type: 'basic', username: 'ann', password: 'pw' } })).auth,
    ).toEqual({
      type: 'basic',
      username: 'ann',
      password: 'pw',
    });
    const oauth = {
      ...auth,
      type: 'oauth2ClientCredentials' as const,
      tokenUrl: 'https://id/token',
      clientId: 'c',
    };
    expect(requestOf(filled({ auth: { ...oauth, clientSecret: 'cs' } })).auth).toEqual({
      type: 'oauth2ClientCredentials',
      tokenUrl: 'https://id/token',
      clientId: 'c',
      clientSecret: 'cs',
    });
    expect(requestOf(filled({ auth: { ...oauth, clientSecret: 'cs', scope: ' read ' } })).auth).toMatchObject(
      {
        scope: 'read',
      },
    );
    const post = { ...oauth, clientSecret: 'cs', clientAuthentication: 'client_secret_post' as const };
    expect(requestOf(filled({ auth: post })).auth).toMatchObject({
      clientAuthentication: 'client_secret_post',
    });
  });

  it('turns header rows into headers, skipping empty rows and refusing nameless or repeated ones', () => {
    const rows = [
      { key: 0, name: ' Accept ', value: 'application/json' },
      { key: 1, name: '', value: '' },
    ];
    expect(requestOf(filled({ headers: rows })).headers).toEqual({ Accept: 'application/json' });
    const bad = [
      { key: 0, name: '', value: 'orphan' },
      { key: 1, name: 'Accept', value: 'a' },
      { key: 2, name: 'accept', value: 'b' },
    ];
    expect(toRequest(filled({ headers: bad }))).toEqual({
      ok: false,
      errors: { 'headers#0': ['Enter the header name.'], 'headers#2': ['accept is listed twice.'] },
    });
  });
});

describe('toRequest on edit', () => {
  it('sends the whole definition back with the masked value for secrets left empty', () => {
    const request = requestOf(fromIntegration(storedIntegration()));
    expect(request).toEqual({
      name: 'Payments API',
      url: 'https://api.example.com/v1/status',
      method: 'GET',
      headers: { Accept: 'application/json', 'X-Api-Key': MASKED_SECRET },
      body: null,
      auth: { type: 'bearer', token: MASKED_SECRET },
      clientCertificate: null,
      signing: null,
      expectedStatus: [200, 204],
      responseSchema: { type: 'object', required: ['ok'] },
      intervalSeconds: 60,
      timeoutMs: 5000,
      latencyThresholdMs: null,
      rateLimitWarnPercent: 10,
      tokenExpiryWarnDays: 7,
      certificateExpiryWarnDays: 14,
      paused: false,
      tags: ['payments', 'eu'],
    });
  });

  it('sends a typed secret as typed', () => {
    const form = fromIntegration(storedIntegration());
    const request = requestOf({
      ...form,
      auth: { ...form.auth, token: 'new-token' },
      headers: form.headers.map((row) => (row.name === 'X-Api-Key' ? { ...row, value: 'new-key' } : row)),
    });
    expect(request.auth).toEqual({ type: 'bearer', token: 'new-token' });
    expect(request.headers).toEqual({ Accept: 'application/json', 'X-Api-Key': 'new-key' });
  });

  it('does not claim a stored secret for another auth type or a renamed header', () => {
    const form = fromIntegration(storedIntegration());
    const request = requestOf({
      ...form,
      auth: { ...form.auth, type: 'basic', username: 'ann' },
      headers: form.headers.map((row) => (row.name === 'X-Api-Key' ? { ...row, name: 'X-Other-Key' } : row)),
    });
    expect(request.auth).toEqual({ type: 'basic', username: 'ann', password: '' });
    expect(request.headers).toEqual({ Accept: 'application/json', 'X-Other-Key': '' });
  });
});

describe('toRequest: the client certificate', () => {
  const typed = (patch: Partial<ClientCertificateForm>): ClientCertificateForm => ({
    enabled: true,
    certificate: `\n${CERTIFICATE}\n`,
    privateKey: PRIVATE_KEY,
    passphrase: '',
    ...patch,
  });
  const stored = (passphrase: boolean) =>
    fromIntegration(
      storedIntegration({
        clientCertificate: {
          certificate: CERTIFICATE,
          privateKey: MASKED_SECRET,
          ...(passphrase ? { passphrase: MASKED_SECRET } : {}),
        },
      }),
    );
  const edited = (passphrase: boolean, patch: Partial<ClientCertificateForm>): FormState => {
    const form = stored(passphrase);
    return { ...form, clientCertificate: { ...form.clientCertificate, ...patch } };
  };

  it.each([
    {
      case: 'a new one with a passphrase',
      form: filled({ clientCertificate: typed({ passphrase: 'pass phrase' }) }),
      sent: { certificate: CERTIFICATE, privateKey: PRIVATE_KEY, passphrase: 'pass phrase' },
    },
    {
      case: 'a new one without a passphrase',
      form: filled({ clientCertificate: typed({}) }),
      sent: { certificate: CERTIFICATE, privateKey: PRIVATE_KEY },
    },
    {
      case: 'a new one typed, then turned off',
      form: filled({ clientCertificate: typed({ enabled: false }) }),
      sent: null,
    },
    {
      case: 'edit keeping the stored key and passphrase',
      form: stored(true),
      sent: { certificate: CERTIFICATE, privateKey: MASKED_SECRET, passphrase: MASKED_SECRET },
    },
    {
      case: 'edit keeping a stored key that has no passphrase',
      form: stored(false),
      sent: { certificate: CERTIFICATE, privateKey: MASKED_SECRET },
    },
    {
      case: 'edit keeping the key, with a new passphrase',
      form: edited(true, { passphrase: 'new phrase' }),
      sent: { certificate: CERTIFICATE, privateKey: MASKED_SECRET, passphrase: 'new phrase' },
    },
    {
      case: 'edit turning it off',
      form: edited(true, { enabled: false }),
      sent: null,
    },
    {
      case: 'edit replacing the key: the stored passphrase was the old key’s',
      form: edited(true, { privateKey: `${PRIVATE_KEY}\n` }),
      sent: { certificate: CERTIFICATE, privateKey: PRIVATE_KEY },
    },
    {
      case: 'edit replacing the key and its passphrase',
      form: edited(true, { privateKey: PRIVATE_KEY, passphrase: 'other' }),
      sent: { certificate: CERTIFICATE, privateKey: PRIVATE_KEY, passphrase: 'other' },
    },
  ])('$case', ({ form, sent }) => {
    expect(requestOf(form).clientCertificate).toEqual(sent);
  });

  it.each([
    {
      case: 'no certificate',
      form: filled({ clientCertificate: typed({ certificate: ' ' }) }),
      errors: { 'clientCertificate.certificate': ['Paste the certificate (PEM).'] },
    },
    {
      case: 'a certificate that is not PEM',
      form: filled({ clientCertificate: typed({ certificate: 'MIIBszCCAVmgAwIBAgIU' }) }),
      errors: { 'clientCertificate.certificate': ['Paste PEM: it starts with -----BEGIN CERTIFICATE-----.'] },
    },
    {
      case: 'no key, and none stored',
      form: filled({ clientCertificate: typed({ privateKey: '' }) }),
      errors: { 'clientCertificate.privateKey': ['Paste the private key (PEM).'] },
    },
    {
      case: 'a key that is not PEM, stored one or not',
      form: edited(false, { privateKey: 'hunter2' }),
      errors: {
        'clientCertificate.privateKey': ['Paste PEM: it starts with -----BEGIN … PRIVATE KEY-----.'],
      },
    },
  ])('refuses $case before sending', ({ form, errors }) => {
    expect(toRequest(form)).toEqual({ ok: false, errors });
  });
});

describe('toDryRun', () => {
  it('sends the client certificate with the masks of its stored secrets', () => {
    const request = requestOf(
      fromIntegration(
        storedIntegration({
          clientCertificate: {
            certificate: CERTIFICATE,
            privateKey: MASKED_SECRET,
            passphrase: MASKED_SECRET,
          },
        }),
      ),
    );
    expect(toDryRun(request).clientCertificate).toEqual({
      certificate: CERTIFICATE,
      privateKey: MASKED_SECRET,
      passphrase: MASKED_SECRET,
    });
  });

  it('leaves out an empty name, so that a Test works before the form is complete', () => {
    const request = requestOf(filled({ name: '' }));
    expect(toDryRun(request)).not.toHaveProperty('name');
    expect(toDryRun({ ...request, name: 'Payments' })).toHaveProperty('name', 'Payments');
  });
});
