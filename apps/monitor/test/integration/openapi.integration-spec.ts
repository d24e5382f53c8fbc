import { validate, compileErrors } from '@readme/openapi-parser';
import { checkJsonSchema, IntegrationSchema } from '@ihm/contracts';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { routesOf } from './router-routes';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/** The webhook receiver is a handler ahead of Nest's router (create-app.ts), so the router does not list it. */
const AHEAD_OF_ROUTER = ['POST /api/webhooks/:integrationId'];

const asRouterPath = (template: string) => template.replace(/\{([A-Za-z]+)\}/g, ':$1');

describe('the OpenAPI document at /api/openapi.json', () => {
  let monitor: RunningMonitor;
  let document: Document;

  beforeAll(async () => {
    monitor = await startMonitor();
    const res = await monitor.call('/api/openapi.json');
    expect(res.status).toBe(200);
    document = (await res.json()) as Document;
  });
  afterAll(() => monitor.close());

  /** The JSON body's schema the document gives for this operation's answer (a component: none refers to another). */
  function answerSchema(method: string, template: string, status: number) {
    const operation = document.paths[template]?.[method.toLowerCase()];
    const schema = operation?.responses[status]?.content?.['application/json']?.schema as
      { $ref: string } | undefined;
    if (!schema) throw new Error(`no ${status} JSON answer documented for ${method} ${template}`);
    return document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!;
  }

  async function expectAnswerAsDocumented(method: string, template: string, res: Response) {
    const route = `${method} ${template} → ${res.status}`;
    const issues = checkJsonSchema(answerSchema(method, template, res.status), await res.json());
    expect({ route, issues }).toEqual({ route, issues: [] });
  }

  it('is a valid OpenAPI 3.1 document, by a real validator', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.specification).toBe('OpenAPI');
  });

  it('describes every route the monitor serves, and no other', () => {
    const served = [...routesOf(monitor).map((r) => `${r.method} ${r.path}`), ...AHEAD_OF_ROUTER].sort();
    const described = Object.entries(document.paths)
      .flatMap(([template, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${asRouterPath(template)}`),
      )
      .sort();
    expect(served.length).toBeGreaterThan(40);
    expect(described).toEqual(served);
  });

  it('is refused without a token, like every API route', async () => {
    expect((await monitor.call('/api/openapi.json', { token: null })).status).toBe(401);
  });

  it('says what the API answers: bodies of reads, a creation and a bad request match their schemas', async () => {
    const createdRes = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: 'documented', url: 'http://127.0.0.1:9/status', tags: ['team:core'] },
    });
    expect(createdRes.status).toBe(201);
    const created = IntegrationSchema.parse(await createdRes.clone().json());
    await expectAnswerAsDocumented('POST', '/api/integrations', createdRes);

    const reads = Object.keys(document.paths).filter(
      (template) =>
        document.paths[template]!.get &&
        template.startsWith('/api/') &&
        template !== '/api/openapi.json' &&
        (!template.includes('{') || template.startsWith('/api/integrations/{id}')),
    );
    expect(reads).toEqual(expect.arrayContaining(['/api/integrations', '/api/integrations/{id}/trend']));
    for (const template of reads) {
      const res = await monitor.call(template.replace('{id}', created.id));
      expect({ template, status: res.status }).toEqual({ template, status: 200 });
      await expectAnswerAsDocumented('GET', template, res);
    }

    const bad = await monitor.call('/api/integrations', { method: 'POST', json: { name: '' } });
    expect(bad.status).toBe(400);
    await expectAnswerAsDocumented('POST', '/api/integrations', bad);
  });
});
