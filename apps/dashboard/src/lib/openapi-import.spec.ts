import type { ImportedApi, ImportedOperation, ImportedSecurityScheme } from '@ihm/contracts';
import { authOf, distinctName, integrationFromOperation, type ImportChoices } from './openapi-import';

const scheme = (over: Partial<ImportedSecurityScheme>): ImportedSecurityScheme => ({
  name: 'key',
  type: 'apiKey',
  scheme: null,
  in: 'header',
  parameter: 'X-API-Key',
  description: null,
  clientCredentials: null,
  ...over,
});
const operation: ImportedOperation = {
  id: 'getPetById',
  method: 'GET',
  path: '/pet/{petId}',
  tag: 'pet',
  summary: 'Find pet by ID',
  pathParameters: ['petId'],
  expectedStatus: 200,
  responseSchema: { type: 'object' },
  note: null,
  security: ['key'],
};
const api: ImportedApi = {
  dialect: 'openapi-3.0',
  title: 'Petstore',
  version: '1',
  servers: ['https://petstore.example.com/v2'],
  securitySchemes: [scheme({})],
  operations: [operation],
};
const choices = (over: Partial<ImportChoices> = {}): ImportChoices => ({
  baseUrl: 'https://petstore.example.com/v2/',
  scheme: null,
  secret: '',
  username: '',
  parameters: { petId: '7' },
  ...over,
});

describe(authOf.name, () => {
  it.each<[string, Partial<ImportChoices>, unknown]>([
    ['no scheme', {}, { auth: { type: 'none' } }],
    [
      'an API key in a header',
      { scheme: scheme({}), secret: 's3cret' },
      { auth: { type: 'apiKey', in: 'header', name: 'X-API-Key', value: 's3cret' } },
    ],
    [
      'an API key in the query',
      { scheme: scheme({ in: 'query', parameter: 'api_key' }), secret: 'k' },
      { auth: { type: 'apiKey', in: 'query', name: 'api_key', value: 'k' } },
    ],
    [
      'HTTP bearer',
      { scheme: scheme({ type: 'http', scheme: 'bearer', in: null, parameter: null }), secret: 't' },
      { auth: { type: 'bearer', token: 't' } },
    ],
    [
      'HTTP basic',
      {
        scheme: scheme({ type: 'http', scheme: 'basic', in: null, parameter: null }),
        secret: 'p',
        username: 'u',
      },
      { auth: { type: 'basic', username: 'u', password: 'p' } },
    ],
    [
      'basic without a username',
      { scheme: scheme({ type: 'http', scheme: 'basic' }), secret: 'p' },
      { problem: 'give the key username' },
    ],
    ['no credential', { scheme: scheme({}) }, { problem: 'give the key credential' }],
    [
      'a cookie key',
      { scheme: scheme({ in: 'cookie' }), secret: 'c' },
      { problem: expect.stringMatching(/not one the import can set/) },
    ],
    [
      'OAuth 2 without a client-credentials flow (a user must sign in)',
      { scheme: scheme({ type: 'oauth2', in: null }), secret: 'c' },
      { problem: expect.stringMatching(/oauth2.*not one the import can set/) },
    ],
    [
      'OAuth 2 client credentials, its scopes asked for',
      {
        scheme: scheme({
          type: 'oauth2',
          in: null,
          clientCredentials: {
            tokenUrl: 'https://auth.example.com/token',
            scopes: ['read:pets', 'write:pets'],
          },
        }),
        username: 'client-1',
        secret: 'cs',
      },
      {
        auth: {
          type: 'oauth2ClientCredentials',
          tokenUrl: 'https://auth.example.com/token',
          clientId: 'client-1',
          clientSecret: 'cs',
          scope: 'read:pets write:pets',
        },
      },
    ],
    [
      'OAuth 2 client credentials without a client id',
      {
        scheme: scheme({ type: 'oauth2', clientCredentials: { tokenUrl: 'https://a/t', scopes: [] } }),
        secret: 'cs',
      },
      { problem: 'give the key client id' },
    ],
  ])('%s', (_label, over, expected) => {
    expect(authOf(choices(over))).toEqual(expected);
  });
});

describe(integrationFromOperation.name, () => {
  it('makes the request: name, URL with the path filled in and encoded, status, schema, tags', () => {
    expect(integrationFromOperation(api, operation, choices({ parameters: { petId: 'a b' } }))).toEqual({
      ok: true,
      request: {
        name: 'Petstore: Find pet by ID',
        url: 'https://petstore.example.com/v2/pet/a%20b',
        method: 'GET',
        auth: { type: 'none' },
        expectedStatus: [200],
        responseSchema: { type: 'object' },
        tags: ['openapi', 'pet'],
      },
    });
  });

  it.each<[string, Partial<ImportChoices>, string]>([
    ['a path parameter left empty', { parameters: { petId: ' ' } }, 'fill in {petId}'],
    ['no base URL', { baseUrl: '' }, 'give the base URL of the API (http:// or https://)'],
  ])('refuses %s', (_label, over, problem) => {
    expect(integrationFromOperation(api, operation, choices(over))).toEqual({ ok: false, problem });
  });

  it('keeps a long name within 100 characters', () => {
    const long = { ...operation, summary: 'x'.repeat(200) };
    const outcome = integrationFromOperation(api, long, choices());
    expect(outcome.ok && outcome.request.name.length).toBe(100);
  });
});

describe(distinctName.name, () => {
  it('keeps a free name, and tells a taken one apart by method and path, then by number', () => {
    expect(distinctName('Petstore: Find pet', operation, new Set())).toBe('Petstore: Find pet');
    const taken = new Set(['Petstore: Find pet']);
    expect(distinctName('Petstore: Find pet', operation, taken)).toBe(
      'Petstore: Find pet (GET /pet/{petId})',
    );
    taken.add('Petstore: Find pet (GET /pet/{petId})');
    expect(distinctName('Petstore: Find pet', operation, taken)).toBe(
      'Petstore: Find pet (GET /pet/{petId}) 2',
    );
    expect(distinctName('x'.repeat(100), operation, new Set(['x'.repeat(100)])).length).toBeLessThanOrEqual(
      100,
    );
  });
});
