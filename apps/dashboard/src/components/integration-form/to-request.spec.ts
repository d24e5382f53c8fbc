import { MASKED_SECRET } from '@ihm/contracts';
import { storedIntegration } from './fixtures';
import { emptyForm, fromIntegration, type FormState } from './form-state';
import { toDryRun, toRequest } from './to-request';

function filled(patch: Partial<FormState> = {}): FormState {
  return { ...emptyForm(), name: ' Payments ', url: ' https://api.example.com/status ', ...patch };
}

function requestOf(form: FormState) {
  const built = toRequest(form);
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

describe('toDryRun', () => {
  it('leaves out an empty name, so that a Test works before the form is complete', () => {
    const request = requestOf(filled({ name: '' }));
    expect(toDryRun(request)).not.toHaveProperty('name');
    expect(toDryRun({ ...request, name: 'Payments' })).toHaveProperty('name', 'Payments');
  });
});
