import { openApiDocument } from '@ihm/contracts';
import { OpenApiDocumentSchema, referenceGroups, type ReferenceOperation } from './api-reference';

const groups = referenceGroups(OpenApiDocumentSchema.parse(openApiDocument('1.2.3')));
const find = (method: string, path: string): ReferenceOperation => {
  const operation = groups.flatMap((g) => g.operations).find((o) => o.method === method && o.path === path);
  if (!operation) throw new Error(`${method} ${path} not listed`);
  return operation;
};

describe(referenceGroups.name, () => {
  it('lists every operation once, by tag in the order the document gives', () => {
    expect(groups.map((g) => g.tag)).toEqual([
      'operations',
      'access',
      'integrations',
      'webhooks',
      'alerting',
    ]);
    const ids = groups.flatMap((g) => g.operations.map((o) => o.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['GET', '/health', 'no token'],
    ['GET', '/metrics', 'METRICS_TOKEN, when set'],
    ['GET', '/api/integrations', 'viewer or above'],
    ['POST', '/api/integrations', 'editor or above'],
    ['GET', '/api/users', 'admin or above'],
    ['PUT', '/api/session/password', 'signed-in users'],
    ['POST', '/api/webhooks/{integrationId}', 'no token'],
  ])('%s %s: %s', (method, path, access) => {
    expect(find(method, path).access).toBe(access);
  });

  it('names the bodies by their schemas, and says what else a response is', () => {
    const create = find('POST', '/api/integrations');
    expect(create.request).toEqual({ schema: 'CreateIntegrationRequest' });
    expect(create.responses.map((r) => [r.status, r.body])).toEqual([
      ['201', { schema: 'Integration' }],
      ['400', { schema: 'ErrorBody' }],
      ['401', { schema: 'ErrorBody' }],
      ['403', { schema: 'ErrorBody' }],
      ['default', { schema: 'ErrorBody' }],
    ]);
    expect(find('GET', '/metrics').responses[0]!.body).toEqual({ contentType: 'text/plain; version=0.0.4' });
    expect(find('DELETE', '/api/integrations/{id}').responses[0]).toEqual({
      status: '204',
      description: 'Done, with no body',
      body: null,
    });
  });

  it('gives path and query parameters with their types', () => {
    expect(find('GET', '/api/integrations/{id}/results').parameters[0]).toEqual({
      name: 'id',
      in: 'path',
      required: true,
      type: 'string',
    });
    expect(find('GET', '/api/integrations').parameters).toContainEqual({
      name: 'limit',
      in: 'query',
      required: false,
      type: 'integer',
    });
  });
});
