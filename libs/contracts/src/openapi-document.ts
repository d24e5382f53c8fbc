import { z } from 'zod';
import { API_ROUTES, type ApiRoute, type NamedSchema } from './api-routes';
import { ErrorBodySchema } from './error-body.contract';

type JsonSchema = Record<string, unknown>;

/** What a request reads is described as it is sent (defaults optional), what an answer holds as it is sent back. */
type Direction = 'input' | 'output';

const ERROR = { $ref: '#/components/schemas/ErrorBody' };

const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (`ihm_…`, or API_TOKEN) or a dashboard session token. Reads need viewer, writes editor; ' +
      'each operation names its least role in `x-required-role`.',
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN; /metrics is open when it is unset.',
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR } },
});

function toJsonSchema(schema: z.ZodType, io: Direction): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** `/api/integrations/:id` as OpenAPI writes it, and its parameters' names. */
function pathOf(path: string): { template: string; parameters: string[] } {
  const parameters: string[] = [];
  const template = path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    parameters.push(name);
    return `{${name}}`;
  });
  return { template, parameters };
}

/**
 * The components each named schema becomes. A name stands for one schema in one direction: the table giving two
 * schemas one name is a mistake this refuses.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {
    ErrorBody: toJsonSchema(ErrorBodySchema, 'output'),
  };
  private readonly seen = new Map<string, z.ZodType>([['ErrorBody', ErrorBodySchema]]);

  ref({ name, schema }: NamedSchema, io: Direction): { $ref: string } {
    const known = this.seen.get(name);
    if (known !== undefined && known !== schema) throw new Error(`two schemas are named ${name}`);
    if (known === undefined) {
      this.seen.set(name, schema);
      this.schemas[name] = toJsonSchema(schema, io);
    }
    return { $ref: `#/components/schemas/${name}` };
  }
}

function queryParameters({ schema }: NamedSchema): object[] {
  const json = toJsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

function securityOf(route: ApiRoute): object {
  switch (route.access) {
    case 'public':
    case 'signature':
      return { security: [] };
    case 'metricsToken':
      return { security: [{ metricsToken: [] }, {}] };
    case 'session':
      return { security: [{ bearer: [] }], 'x-required-role': 'viewer', 'x-sessions-only': true };
    default:
      return { security: [{ bearer: [] }], 'x-required-role': route.access };
  }
}

function operation(route: ApiRoute, parameters: string[], components: Components): object {
  const { success } = route;
  const responses: Record<string, object> = {
    [success.status]: {
      description: success.description ?? (success.status === 204 ? 'Done, with no body' : 'Success'),
      ...(success.body
        ? { content: { 'application/json': { schema: components.ref(success.body, 'output') } } }
        : success.contentType
          ? { content: { [success.contentType]: {} } }
          : {}),
    },
  };
  for (const answer of route.otherAnswers ?? [])
    responses[answer.status] = {
      description: answer.description,
      content: { 'application/json': { schema: components.ref(answer.body, 'output') } },
    };
  if (route.body || route.query)
    responses[400] ??= errorResponse('The request is invalid: `details` names each field');
  if (route.access !== 'public' && route.access !== 'signature')
    responses[401] ??= errorResponse('No token, or one that is not valid');
  // METRICS_TOKEN is one token: there is no role to lack.
  if (route.access !== 'public' && route.access !== 'signature' && route.access !== 'metricsToken')
    responses[403] ??= errorResponse('The caller’s role is not enough');
  if (parameters.length > 0) responses[404] ??= errorResponse('No such object');
  responses.default = errorResponse('Another error, with its status and message');
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...securityOf(route),
    parameters: [
      ...parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(route.query ? queryParameters(route.query) : []),
    ],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: components.ref(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** `GET /api/integrations/:id/results` → `getIntegrationsIdResults`: unique because method and path are. */
function operationId({ method, path }: ApiRoute): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split(/[/.:-]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** The OpenAPI 3.1 document of the monitor's API, made from API_ROUTES and the zod contracts. */
export function openApiDocument(version: string): Record<string, unknown> {
  const components = new Components();
  const paths: Record<string, Record<string, object>> = {};
  for (const route of API_ROUTES) {
    const { template, parameters } = pathOf(route.path);
    paths[template] ??= {};
    paths[template][route.method.toLowerCase()] = operation(route, parameters, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Integration health monitor',
      version,
      description:
        'Probes the third-party APIs a team depends on, classifies failures by the troubleshooting guide, ' +
        'alerts and exports metrics. Errors are JSON bodies with a statusCode, an error, a message and, for a bad ' +
        'request, details per field.',
    },
    tags: [...new Set(API_ROUTES.map((route) => route.tag))].map((name) => ({ name })),
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components.schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
