import type { ImportedApi, ImportedOperation, ImportedSecurityScheme } from '@ihm/contracts';
import {
  isObject,
  OpenApiImportError,
  OpenApiTooLargeError,
  resolvePointer,
  SchemaConverter,
  type JsonObject,
  type OpenApiDialect,
} from './openapi-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);

function dialectOf(document: JsonObject): OpenApiDialect {
  if (typeof document.swagger === 'string' && document.swagger.startsWith('2.')) return 'swagger-2.0';
  if (typeof document.openapi === 'string' && document.openapi.startsWith('3.0')) return 'openapi-3.0';
  if (typeof document.openapi === 'string' && document.openapi.startsWith('3.1')) return 'openapi-3.1';
  throw new OpenApiImportError(
    'not an OpenAPI 3.0/3.1 or Swagger 2.0 document (no "openapi": "3.x" or "swagger": "2.0")',
  );
}

/** An object that may be a `$ref` to one elsewhere in the document (a response, a parameter), followed. */
function deref(document: JsonObject, value: unknown): unknown {
  for (let hops = 0; isObject(value) && typeof value.$ref === 'string'; hops += 1) {
    if (hops >= 32) throw new OpenApiImportError(`has a $ref that leads back to itself (${value.$ref})`);
    value = resolvePointer(document, value.$ref);
  }
  return value;
}

const isJson = (mediaType: string) => /^application\/(.+\+)?json\b|^\*\/\*$|\+json\b/i.test(mediaType.trim());

function serversOf(document: JsonObject, dialect: OpenApiDialect, documentUrl: string | null): string[] {
  if (dialect === 'swagger-2.0') {
    const host = text(document.host);
    const schemes = Array.isArray(document.schemes) ? document.schemes.map((s) => text(s)) : [];
    const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
    const base = host ? `${scheme}://${host}` : documentUrl ? new URL(documentUrl).origin : '';
    return base ? [base + text(document.basePath).replace(/\/$/, '')] : [];
  }
  const listed = Array.isArray(document.servers) ? document.servers.filter(isObject) : [];
  // OpenAPI 3: no servers (or none listed) means one at `/`, relative to where the document was served.
  const servers = listed.length > 0 ? listed : [{ url: '/' }];
  return servers.flatMap((server) => {
    const variables = isObject(server.variables) ? server.variables : {};
    const url = text(server.url).replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const variable = variables[name];
      return isObject(variable) ? text(variable.default) : '';
    });
    if (/^https?:\/\//i.test(url)) return [url.replace(/\/$/, '')];
    return documentUrl && URL.canParse(url, documentUrl)
      ? [new URL(url, documentUrl).href.replace(/\/$/, '')]
      : [];
  });
}

/**
 * OAuth2's client-credentials flow, the one a monitor can run unattended: 3.x `flows.clientCredentials`,
 * Swagger 2.0 `flow: application`. Its token URL may be relative to the document.
 */
function clientCredentialsOf(
  scheme: JsonObject,
  documentUrl: string | null,
): ImportedSecurityScheme['clientCredentials'] {
  if (scheme.type !== 'oauth2') return null;
  const flow = isObject(scheme.flows)
    ? scheme.flows.clientCredentials
    : scheme.flow === 'application'
      ? scheme
      : null;
  if (!isObject(flow) || typeof flow.tokenUrl !== 'string') return null;
  const tokenUrl = URL.canParse(flow.tokenUrl)
    ? flow.tokenUrl
    : documentUrl && URL.canParse(flow.tokenUrl, documentUrl)
      ? new URL(flow.tokenUrl, documentUrl).href
      : flow.tokenUrl;
  return { tokenUrl, scopes: isObject(flow.scopes) ? Object.keys(flow.scopes) : [] };
}

function securitySchemesOf(
  document: JsonObject,
  dialect: OpenApiDialect,
  documentUrl: string | null,
): ImportedSecurityScheme[] {
  const schemes =
    dialect === 'swagger-2.0'
      ? document.securityDefinitions
      : isObject(document.components)
        ? document.components.securitySchemes
        : undefined;
  if (!isObject(schemes)) return [];
  return Object.entries(schemes).flatMap(([name, raw]) => {
    const scheme = deref(document, raw);
    if (!isObject(scheme)) return [];
    const swaggerBasic = scheme.type === 'basic';
    return [
      {
        name,
        type: swaggerBasic ? 'http' : text(scheme.type, 'unknown'),
        scheme: swaggerBasic
          ? 'basic'
          : typeof scheme.scheme === 'string'
            ? scheme.scheme.toLowerCase()
            : null,
        in: typeof scheme.in === 'string' ? scheme.in : null,
        parameter: typeof scheme.name === 'string' ? scheme.name : null,
        description: typeof scheme.description === 'string' ? scheme.description : null,
        clientCredentials: clientCredentialsOf(scheme, documentUrl),
      },
    ];
  });
}

/** The lowest documented 2xx; a `2XX` range, when no single 2xx is, has no one status (any 2xx is expected). */
function successStatus(responses: JsonObject): { key: string; status: number | null } | null {
  const statuses = Object.keys(responses)
    .filter((key) => /^2\d\d$/.test(key))
    .sort();
  if (statuses[0] !== undefined) return { key: statuses[0], status: Number(statuses[0]) };
  const range = Object.keys(responses).find((key) => /^2XX$/i.test(key));
  return range ? { key: range, status: null } : null;
}

/** The schema of the answer's JSON body, or why there is none. */
function answerSchema(
  document: JsonObject,
  dialect: OpenApiDialect,
  operation: JsonObject,
  response: unknown,
): { schema: unknown } | { note: string } {
  const answer = deref(document, response);
  if (!isObject(answer)) return { note: 'the answer is not described' };
  if (dialect === 'swagger-2.0') {
    const produces = Array.isArray(operation.produces)
      ? operation.produces
      : Array.isArray(document.produces)
        ? document.produces
        : ['application/json'];
    if (!produces.some((type) => isJson(text(type)))) return { note: 'the answer is not JSON' };
    return answer.schema === undefined ? { note: 'the answer has no body' } : { schema: answer.schema };
  }
  if (!isObject(answer.content)) return { note: 'the answer has no body' };
  const json = Object.entries(answer.content).find(([type]) => isJson(type));
  if (!json) return { note: 'the answer is not JSON' };
  const media = json[1];
  return isObject(media) && media.schema !== undefined
    ? { schema: media.schema }
    : { note: 'the JSON answer has no schema' };
}

/**
 * What an OpenAPI 3.0/3.1 or Swagger 2.0 document offers to monitor: its servers, security schemes and every
 * operation with its expected status and the JSON Schema of that answer (SchemaConverter). An operation whose
 * schema cannot be made says why in `note` instead of failing the whole document.
 */
export function importedApi(document: unknown, documentUrl: string | null = null): ImportedApi {
  if (!isObject(document)) throw new OpenApiImportError('is not a JSON or YAML object');
  const dialect = dialectOf(document);
  const info = isObject(document.info) ? document.info : {};
  const globalSecurity = Array.isArray(document.security) ? document.security : [];
  const operations: ImportedOperation[] = [];
  const schemas = new SchemaConverter(document, dialect);
  for (const [path, rawItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    const item = deref(document, rawItem);
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const responses = isObject(operation.responses) ? operation.responses : {};
      const success = successStatus(responses);
      let responseSchema: JsonObject | null = null;
      let note: string | null = success ? null : 'no 2xx answer is documented';
      if (success) {
        try {
          const found = answerSchema(document, dialect, operation, responses[success.key]);
          if ('schema' in found) responseSchema = schemas.response(found.schema);
          else note = found.note;
        } catch (error) {
          if (!(error instanceof OpenApiImportError) || error instanceof OpenApiTooLargeError) throw error;
          note = `its schema ${error.message}`;
        }
      }
      const security = Array.isArray(operation.security) ? operation.security : globalSecurity;
      operations.push({
        id: text(operation.operationId, `${method.toUpperCase()} ${path}`),
        method: method.toUpperCase(),
        path,
        tag:
          Array.isArray(operation.tags) && typeof operation.tags[0] === 'string'
            ? operation.tags[0]
            : 'untagged',
        summary: text(operation.summary, text(operation.description).split('\n')[0] ?? ''),
        pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
        expectedStatus: success?.status ?? null,
        responseSchema,
        note,
        security: [...new Set(security.filter(isObject).flatMap((requirement) => Object.keys(requirement)))],
      });
    }
  }
  return {
    dialect,
    title: text(info.title, 'Untitled API'),
    version: text(info.version),
    servers: serversOf(document, dialect, documentUrl),
    securitySchemes: securitySchemesOf(document, dialect, documentUrl),
    operations,
  };
}
