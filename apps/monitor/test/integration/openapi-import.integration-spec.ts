import { ErrorBodySchema, ImportedApiSchema, IntegrationSchema, ProbeResultSchema } from '@ihm/contracts';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { startMonitor, type RunningMonitor } from './monitor-app';

const EXAMPLES = dirname(require.resolve('@readme/oas-examples/package.json'));
const PETSTORE_JSON = readFileSync(join(EXAMPLES, '3.0', 'json', 'petstore.json'), 'utf8');
const PETSTORE_YAML = readFileSync(join(EXAMPLES, '3.0', 'yaml', 'petstore.yaml'), 'utf8');
const SWAGGER = readFileSync(join(EXAMPLES, '2.0', 'json', 'petstore.json'), 'utf8');

const PET = { id: 7, name: 'doggie', photoUrls: ['https://example.com/7.jpg'], status: 'available' };

/** A provider: its documents, a redirect to one, things that are not documents, and the API they describe. */
function provider(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { 'content-type': type }).end(body);
    switch (req.url) {
      case '/openapi.json':
        return send(200, 'application/json', PETSTORE_JSON);
      case '/openapi.yaml':
        return send(200, 'application/yaml', PETSTORE_YAML);
      case '/swagger.json':
        return send(200, 'application/json', SWAGGER);
      case '/docs':
        return res.writeHead(302, { location: '/openapi.json' }).end();
      case '/not-openapi':
        return send(200, 'application/json', '{"hello": "world"}');
      case '/broken':
        return send(200, 'text/plain', '{ "openapi": "3.0.0", ');
      case '/gone':
        return send(404, 'text/plain', 'no');
      case '/v2/pet/7':
        return send(200, 'application/json', JSON.stringify(PET));
      case '/v2/pet/8': {
        const { name, ...renamed } = PET;
        return send(200, 'application/json', JSON.stringify({ ...renamed, petName: name }));
      }
      default:
        return send(404, 'text/plain', 'not here');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('POST /api/openapi-import', () => {
  let monitor: RunningMonitor;
  let site: { server: Server; url: string };

  beforeAll(async () => {
    [monitor, site] = await Promise.all([startMonitor(), provider()]);
  });
  afterAll(async () => {
    await monitor.close();
    site.server.close();
  });

  const importing = (json: unknown) => monitor.call('/api/openapi-import', { method: 'POST', json });
  const imported = async (json: unknown) => {
    const res = await importing(json);
    expect(res.status).toBe(200);
    return ImportedApiSchema.parse(await res.json());
  };
  const refused = async (json: unknown) => {
    const res = await importing(json);
    expect(res.status).toBe(400);
    return ErrorBodySchema.parse(await res.json());
  };

  it('lists the operations of a document fetched by URL, each with its status and response schema', async () => {
    const api = await imported({ url: `${site.url}/openapi.json` });
    expect(api).toMatchObject({
      dialect: 'openapi-3.0',
      title: 'Swagger Petstore',
      servers: ['http://petstore.swagger.io/v2'],
    });
    expect(api.securitySchemes.map((s) => s.name).sort()).toEqual(['api_key', 'petstore_auth']);
    // What each operation holds is importedApi's (openapi-operations.spec.ts); here, that the API answers it.
    const byId = api.operations.find((o) => o.id === 'getPetById')!;
    expect([byId.path, byId.security, byId.responseSchema?.$ref]).toEqual([
      '/pet/{petId}',
      ['api_key'],
      '#/$defs/Pet',
    ]);
  });

  it('reads the same operations from YAML, from the text itself, through a redirect, and from Swagger 2.0', async () => {
    const json = await imported({ url: `${site.url}/openapi.json` });
    const ids = json.operations.map((o) => o.id);
    expect((await imported({ url: `${site.url}/openapi.yaml` })).operations.map((o) => o.id)).toEqual(ids);
    expect((await imported({ document: PETSTORE_YAML })).operations.map((o) => o.id)).toEqual(ids);
    expect((await imported({ url: `${site.url}/docs` })).operations.map((o) => o.id)).toEqual(ids);
    const swagger = await imported({ url: `${site.url}/swagger.json` });
    expect(swagger.dialect).toBe('swagger-2.0');
    expect(swagger.operations.find((o) => o.id === 'getPetById')?.responseSchema).not.toBeNull();
  });

  it.each([
    [
      'not an OpenAPI document',
      { url: '/not-openapi' },
      'url',
      /not an OpenAPI 3.0\/3.1 or Swagger 2.0 document/,
    ],
    ['neither JSON nor YAML', { url: '/broken' }, 'url', /neither JSON nor YAML/],
    ['not there', { url: '/gone' }, 'url', /could not be fetched: HTTP 404/],
    ['text that is no document', { document: 'just words' }, 'document', /is not a JSON or YAML object/],
  ])('refuses a document that is %s, naming the field', async (_label, request, field, message) => {
    const body = await refused('url' in request ? { url: site.url + request.url } : request);
    expect(body.details).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('wants a URL or a document, not both, not neither', async () => {
    for (const request of [{}, { url: `${site.url}/openapi.json`, document: PETSTORE_YAML }])
      expect((await refused(request)).details).toEqual([
        { field: 'url', message: 'give either url or document' },
      ]);
  });

  it('makes an integration whose probe passes a valid answer and fails one with a renamed field', async () => {
    const api = await imported({ url: `${site.url}/openapi.json` });
    const operation = api.operations.find((o) => o.id === 'getPetById')!;
    const register = async (petId: string) => {
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: {
          name: `petstore ${operation.id} ${petId}`,
          url: `${site.url}/v2${operation.path.replace('{petId}', petId)}`,
          method: operation.method,
          expectedStatus: [operation.expectedStatus],
          responseSchema: operation.responseSchema,
          paused: true,
        },
      });
      expect(res.status).toBe(201);
      const { id } = IntegrationSchema.parse(await res.json());
      return ProbeResultSchema.parse(
        await (await monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' })).json(),
      );
    };
    expect(await register('7')).toMatchObject({ status: 'up', schemaErrors: [] });
    const renamed = await register('8');
    expect(renamed).toMatchObject({ status: 'down', category: 'schema_mismatch' });
    expect(renamed.schemaErrors).toContainEqual(expect.objectContaining({ path: '/name' }));
  });
});

describe('POST /api/openapi-import behind the outbound guard', () => {
  let monitor: RunningMonitor;
  beforeAll(async () => {
    monitor = await startMonitor({ ALLOW_PRIVATE_TARGETS: 'false' });
  });
  afterAll(() => monitor.close());

  it('refuses to fetch from a private address', async () => {
    const res = await monitor.call('/api/openapi-import', {
      method: 'POST',
      json: { url: 'http://127.0.0.1:9/openapi.json' },
    });
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).details).toEqual([
      { field: 'url', message: expect.stringMatching(/refused by the outbound guard/) },
    ]);
  });
});
