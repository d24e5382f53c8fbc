import { checkJsonSchema, compileJsonSchema } from '@ihm/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImportedApi } from '@ihm/contracts';
import { importedApi } from './openapi-operations';
import { isObject, resolvePointer, responseJsonSchema, type JsonObject } from './openapi-schema';

/** Published documents from npm (dev dependencies), never copied into the repository. */
const EXAMPLES = dirname(require.resolve('@readme/oas-examples/package.json'));
const GITHUB = join(
  dirname(require.resolve('@octokit/openapi/package.json')),
  'generated',
  'api.github.com.json',
);

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const examples = ['2.0', '3.0', '3.1'].flatMap((version) =>
  readdirSync(join(EXAMPLES, version, 'json'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${version}/${file}`, join(EXAMPLES, version, 'json', file)] as const),
);

/** The examples a document gives of an operation's success answer, as JSON values. */
function documentedExamples(document: JsonObject, path: string, method: string, status: number): unknown[] {
  const deref = (value: unknown): unknown => {
    if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
    return deref(resolvePointer(document, value.$ref));
  };
  const operation = deref((deref((document.paths as JsonObject)[path]) as JsonObject)[method.toLowerCase()]);
  const response = deref(((operation as JsonObject).responses as JsonObject)[String(status)]);
  if (!isObject(response)) return [];
  if (isObject(response.examples) && isObject(response.examples['application/json']))
    return [response.examples['application/json']];
  const media = isObject(response.content)
    ? Object.entries(response.content).find(([type]) => /json/.test(type))?.[1]
    : undefined;
  if (!isObject(media)) return [];
  const found: unknown[] = [];
  if (media.example !== undefined) found.push(media.example);
  if (isObject(media.examples))
    for (const example of Object.values(media.examples)) {
      const value = deref(example);
      if (isObject(value) && value.value !== undefined) found.push(value.value);
    }
  // Some documents give a JSON example as the text of the JSON.
  return found.map((example) => {
    if (typeof example !== 'string') return example;
    try {
      return JSON.parse(example) as unknown;
    } catch {
      return example;
    }
  });
}

/** The top-level fields the schema requires of an object answer (through a root $ref into $defs). */
function requiredFields(schema: JsonObject): string[] {
  const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/$defs/', '') : null;
  const root = ref ? ((schema.$defs as JsonObject)[ref] as JsonObject) : schema;
  return Array.isArray(root.required) ? (root.required as string[]) : [];
}

/** Every operation with a JSON answer: its schema compiles, documented examples pass, a renamed field fails. */
function checkAll(document: JsonObject, api: ImportedApi) {
  const tally = { schemas: 0, examples: 0, renamed: 0, failures: [] as string[] };
  for (const operation of api.operations) {
    if (!operation.responseSchema) continue;
    tally.schemas += 1;
    compileJsonSchema(operation.responseSchema);
    for (const example of documentedExamples(
      document,
      operation.path,
      operation.method,
      operation.expectedStatus!,
    )) {
      const issues = checkJsonSchema(operation.responseSchema, example);
      tally.examples += 1;
      if (issues.length > 0) tally.failures.push(`${operation.id}: ${JSON.stringify(issues[0])}`);
      const field = requiredFields(operation.responseSchema).find(
        (name) => isObject(example) && name in example,
      );
      if (field && isObject(example)) {
        const { [field]: value, ...rest } = example;
        expect({
          operation: operation.id,
          field,
          fails:
            checkJsonSchema(operation.responseSchema, { ...rest, [`${field}_renamed`]: value }).length > 0,
        }).toEqual({ operation: operation.id, field, fails: true });
        tally.renamed += 1;
      }
    }
  }
  return tally;
}

describe('importedApi over published documents', () => {
  it.each(examples)(
    '%s: every JSON answer has a schema Ajv compiles, that its documented examples pass',
    (_name, path) => {
      const document = read(path);
      const api = importedApi(document);
      const tally = checkAll(document, api);
      expect(tally.failures).toEqual([]);
      for (const operation of api.operations)
        expect(operation.responseSchema !== null || operation.note !== null).toBe(true);
    },
  );

  it('reads the Petstore (3.0): servers, security, tags, path parameters, the 200 answer and its schema', () => {
    const api = importedApi(read(join(EXAMPLES, '3.0', 'json', 'petstore.json')));
    expect(api.dialect).toBe('openapi-3.0');
    expect(api.servers).toEqual(['http://petstore.swagger.io/v2']);
    expect(api.securitySchemes.map((s) => [s.name, s.type, s.in, s.parameter])).toEqual(
      expect.arrayContaining([['api_key', 'apiKey', 'header', 'api_key']]),
    );
    const byId = api.operations.find((o) => o.id === 'getPetById')!;
    expect(byId).toMatchObject({
      method: 'GET',
      path: '/pet/{petId}',
      tag: 'pet',
      pathParameters: ['petId'],
      expectedStatus: 200,
    });
    const pet = { id: 7, name: 'doggie', photoUrls: [], status: 'available' };
    expect(checkJsonSchema(byId.responseSchema!, pet)).toEqual([]);
    const { name: _name, ...renamed } = pet;
    expect(checkJsonSchema(byId.responseSchema!, { ...renamed, nickname: 'doggie' })).toEqual([
      { path: '/name', message: 'is required but missing' },
    ]);
  });

  it("reads GitHub's REST description (about 13 MB): every JSON answer compiles and its examples pass", () => {
    const started = performance.now();
    const document = read(GITHUB);
    const parsed = performance.now();
    const api = importedApi(document);
    const listed = performance.now();
    const tally = checkAll(document, api);
    console.log(
      `api.github.com: parsed in ${Math.round(parsed - started)} ms, ${api.operations.length} operations listed in ` +
        `${Math.round(listed - parsed)} ms (${tally.schemas} JSON answers with a schema, ${tally.examples} documented ` +
        `examples checked, ${tally.renamed} renamed-field checks)`,
    );
    expect(api.operations.length).toBeGreaterThan(800);
    expect(tally.schemas).toBeGreaterThan(500);
    expect(tally.examples).toBeGreaterThan(300);
    // GitHub's own examples contradict its schemas here and there: these three, among others, are the document's.
    const contradicted = [
      // an `id` the schema does not have, under additionalProperties: false
      ['security-advisories/list-global-advisories', '/0/id'],
      // fingerprints given as numbers where the schema says strings
      ['meta/get', '/ssh_key_fingerprints/SHA256_RSA'],
      // one classroom where the schema says a list
      ['classroom/list-classrooms', '/'],
    ];
    for (const [operation, path] of contradicted)
      expect(tally.failures).toContainEqual(expect.stringContaining(`${operation}: {"path":"${path}"`));
    console.log(
      `api.github.com: ${tally.failures.length} of ${tally.examples} documented examples contradict their own schema`,
    );
    expect(tally.failures.length / tally.examples).toBeLessThan(0.25);
  }, 120_000);
});

describe(responseJsonSchema.name, () => {
  const doc = (schemas: JsonObject): JsonObject => ({ components: { schemas } });

  it.each<[string, 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0', unknown, JsonObject, unknown, unknown]>([
    ['3.0 nullable becomes a null type', 'openapi-3.0', { type: 'string', nullable: true }, {}, null, 3],
    [
      '3.0 nullable enum allows null',
      'openapi-3.0',
      { type: 'string', enum: ['a'], nullable: true },
      {},
      null,
      'b',
    ],
    [
      'a nullable $ref',
      'openapi-3.0',
      { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true },
      { A: { type: 'integer' } },
      null,
      'x',
    ],
    ['Swagger x-nullable', 'swagger-2.0', { type: 'integer', 'x-nullable': true }, {}, null, 'x'],
    [
      'boolean exclusiveMinimum',
      'openapi-3.0',
      { type: 'number', minimum: 0, exclusiveMinimum: true },
      {},
      0.5,
      0,
    ],
    [
      'a writeOnly property is not required of an answer',
      'openapi-3.0',
      {
        type: 'object',
        required: ['password', 'id'],
        properties: { id: { type: 'integer' }, password: { type: 'string', writeOnly: true } },
      },
      {},
      { id: 1 },
      {},
    ],
    [
      'a circular $ref',
      'openapi-3.1',
      { $ref: '#/components/schemas/Node' },
      {
        Node: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'integer' },
            children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
          },
        },
      },
      { id: 1, children: [{ id: 2, children: [] }] },
      { id: 1, children: [{ children: [] }] },
    ],
    [
      'a discriminator is an annotation',
      'openapi-3.0',
      { oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind' } },
      {
        Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['cat'] } } },
      },
      { kind: 'cat' },
      { kind: 'dog' },
    ],
  ])('%s', (_label, dialect, schema, schemas, passes, fails) => {
    const converted = responseJsonSchema(schema, doc(schemas), dialect);
    expect(checkJsonSchema(converted, passes)).toEqual([]);
    expect(checkJsonSchema(converted, fails).length).toBeGreaterThan(0);
    expect(JSON.stringify(converted)).not.toMatch(/nullable|discriminator|#\/components/);
  });
});

describe('importedApi on documents built to break it', () => {
  const openapi = (paths: JsonObject, schemas: JsonObject = {}): JsonObject => ({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths,
    components: { schemas },
  });
  const answering = (schema: unknown, status = '200') => ({
    get: { responses: { [status]: { description: 'ok', content: { 'application/json': { schema } } } } },
  });

  it('refuses, as a whole, one whose operations would each list a huge definition', () => {
    const huge = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 3000 }, (_, i) => [`p${i}`, { type: 'string', description: 'x'.repeat(20) }]),
      ),
    };
    const paths = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`/r${i}`, answering({ $ref: '#/components/schemas/Huge' })]),
    );
    expect(() => importedApi(openapi(paths, { Huge: huge }))).toThrow(
      /more response schema than the monitor lists at once/,
    );
  });

  it('says what is wrong with a schema that contains itself (a YAML anchor), not a stack overflow', () => {
    const loop: JsonObject = { type: 'object', properties: {} };
    (loop.properties as JsonObject).child = loop;
    const [operation] = importedApi(openapi({ '/loop': answering(loop) })).operations;
    expect(operation!.note).toMatch(/nests a schema deeper than 64 levels/);
  });

  it('says what is wrong with an answer whose $ref leads back to itself', () => {
    const document = openapi({ '/r': { get: { responses: { 200: { $ref: '#/components/responses/A' } } } } });
    document.components = { responses: { A: { $ref: '#/components/responses/A' } } };
    expect(importedApi(document).operations[0]!.note).toMatch(/leads back to itself/);
  });

  it('notes a $ref that is no valid pointer', () => {
    expect(
      importedApi(openapi({ '/r': answering({ $ref: '#/components/schemas/100%' }) })).operations[0]!.note,
    ).toMatch(/not a valid JSON pointer/);
  });

  it('keeps two definitions apart whose names differ only in characters a $defs key cannot hold', () => {
    const document = openapi(
      {
        '/r': answering({
          type: 'object',
          properties: {
            a: { $ref: '#/components/schemas/Foo Bar' },
            b: { $ref: '#/components/schemas/Foo_Bar' },
          },
        }),
      },
      { 'Foo Bar': { type: 'integer' }, Foo_Bar: { type: 'string' } },
    );
    const schema = importedApi(document).operations[0]!.responseSchema!;
    expect(checkJsonSchema(schema, { a: 1, b: 'x' })).toEqual([]);
    expect(checkJsonSchema(schema, { a: 'x', b: 1 }).length).toBe(2);
  });

  it('expects any 2xx of an operation documented with a 2XX range only', () => {
    expect(importedApi(openapi({ '/r': answering({ type: 'object' }, '2XX') })).operations[0]).toMatchObject({
      expectedStatus: null,
      responseSchema: expect.objectContaining({ type: 'object' }),
    });
  });
});

describe('importedApi: where to call and how to authenticate', () => {
  const base = { info: { title: 'T', version: '1' }, paths: {} };

  it.each<[string, JsonObject, string | null, string[]]>([
    [
      '3.x servers, a variable filled with its default',
      {
        openapi: '3.1.0',
        servers: [{ url: 'https://{region}.api.example.com/v1/', variables: { region: { default: 'eu' } } }],
      },
      null,
      ['https://eu.api.example.com/v1'],
    ],
    [
      '3.x without servers: the origin the document came from',
      { openapi: '3.0.3' },
      'https://docs.example.com/specs/api.json',
      ['https://docs.example.com'],
    ],
    ['3.x without servers, read from text: none known', { openapi: '3.0.3' }, null, []],
    [
      '3.x relative servers, against the document URL',
      { openapi: '3.0.3', servers: [{ url: '/api/v2' }] },
      'https://example.com/openapi.yaml',
      ['https://example.com/api/v2'],
    ],
    [
      'Swagger 2.0 host, basePath and https',
      { swagger: '2.0', host: 'api.example.com', basePath: '/v1/', schemes: ['http', 'https'] },
      null,
      ['https://api.example.com/v1'],
    ],
  ])('%s', (_case, document, documentUrl, servers) => {
    expect(importedApi({ ...base, ...document }, documentUrl).servers).toEqual(servers);
  });

  it('offers OAuth2 client credentials (3.x flows and Swagger 2.0 application), token URL resolved, scopes listed', () => {
    const three = importedApi(
      {
        ...base,
        openapi: '3.1.0',
        components: {
          securitySchemes: {
            machine: {
              type: 'oauth2',
              flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { 'orders:read': 'read' } } },
            },
            people: {
              type: 'oauth2',
              flows: {
                authorizationCode: { authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {} },
              },
            },
          },
        },
      },
      'https://api.example.com/openapi.json',
    );
    expect(three.securitySchemes.map((s) => [s.name, s.clientCredentials])).toEqual([
      ['machine', { tokenUrl: 'https://api.example.com/oauth/token', scopes: ['orders:read'] }],
      ['people', null],
    ]);
    const two = importedApi({
      ...base,
      swagger: '2.0',
      securityDefinitions: {
        app: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.example.com/token', scopes: {} },
      },
    });
    expect(two.securitySchemes[0]!.clientCredentials).toEqual({
      tokenUrl: 'https://auth.example.com/token',
      scopes: [],
    });
  });
});
