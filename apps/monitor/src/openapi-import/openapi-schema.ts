import type { ImportedApi } from '@ihm/contracts';

/** The versions of OpenAPI whose schemas differ from plain JSON Schema in their own ways. */
export type OpenApiDialect = ImportedApi['dialect'];

export type JsonObject = Record<string, unknown>;

/** A document that cannot be read as asked: the message says what and where. */
export class OpenApiImportError extends Error {}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords of OpenAPI's schema object that JSON Schema does not have, or that validate nothing here. */
const DROPPED = new Set(['nullable', 'x-nullable', 'discriminator', 'example', 'xml', 'externalDocs']);

/** Keywords whose value is one schema, or a map or list of schemas. */
const ONE_SCHEMA = [
  'additionalProperties',
  'items',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** `#/components/schemas/Order` → `Order`; any other pointer → its segments joined, so every one is a valid key. */
const defName = (pointer: string) =>
  decodeURIComponent(pointer.replace(/^#\/(components\/schemas|definitions)\//, ''))
    .replace(/~1/g, '/')
    .replace(/~0/g, '~')
    .replace(/[^A-Za-z0-9_.-]/g, '_');

/** Follows a JSON pointer inside the document; refs to other documents are refused (the monitor fetches no more). */
export function resolvePointer(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new OpenApiImportError(`refers to another document (${ref})`);
  let node: unknown = document;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new OpenApiImportError(`${ref} points at nothing`);
    node = (node as Record<string, unknown>)[segment];
  }
  if (node === undefined) throw new OpenApiImportError(`${ref} points at nothing`);
  return node;
}

/**
 * Turns an OpenAPI schema into a self-contained JSON Schema (draft 2020-12) for a response: every `$ref` the
 * schema reaches, however deep and even circular, becomes an entry of `$defs` (each converted once); OpenAPI 3.0's
 * `nullable` and Swagger's `x-nullable` become a `null` type, boolean `exclusiveMinimum`/`exclusiveMaximum`
 * become numbers, `writeOnly` properties (never sent in a response) are not required, and annotations that validate
 * nothing (discriminator, example, xml) are dropped.
 */
export function responseJsonSchema(
  schema: unknown,
  document: JsonObject,
  dialect: OpenApiDialect,
): JsonObject {
  const defs = new Map<string, JsonObject>();
  const pending: [string, string][] = [];

  const refTo = (ref: string): JsonObject => {
    const name = defName(ref);
    if (!defs.has(name) && !pending.some(([queued]) => queued === name)) pending.push([name, ref]);
    return { $ref: `#/$defs/${name}` };
  };

  const convert = (node: unknown): unknown => {
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) return {};
    if (typeof node.$ref === 'string') {
      const reference = refTo(node.$ref);
      // In 3.1 (JSON Schema 2020-12) a $ref's siblings apply beside it, in the same schema, so that keywords
      // such as unevaluatedProperties see what the $ref evaluated; before 3.1 they were ignored.
      if (dialect !== 'openapi-3.1') return reference;
      const { $ref: _ref, ...siblings } = node;
      return { ...(convert(siblings) as JsonObject), ...reference };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (ONE_SCHEMA.includes(key) && (isObject(value) || typeof value === 'boolean'))
        out[key] = convert(value);
      else if (SCHEMA_MAPS.includes(key) && isObject(value))
        out[key] = Object.fromEntries(
          Object.entries(value).map(([name, property]) => [name, convert(property)]),
        );
      else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(convert);
      else if (key === 'items' && Array.isArray(value)) out.prefixItems = value.map(convert);
      else out[key] = value;
    }
    if (dialect === 'swagger-2.0' && out.type === 'file') delete out.type;
    if (Array.isArray(out.required) && isObject(node.properties)) {
      const writeOnly = Object.entries(node.properties)
        .filter(([, property]) => isObject(property) && property.writeOnly === true)
        .map(([name]) => name);
      out.required = out.required.filter((name) => !writeOnly.includes(name as string));
      if ((out.required as unknown[]).length === 0) delete out.required;
    }
    if (dialect !== 'openapi-3.1') exclusiveBounds(out);
    const nullable = dialect === 'openapi-3.0' ? node.nullable === true : node['x-nullable'] === true;
    return nullable ? withNull(out) : out;
  };

  const root = convert(schema) as JsonObject;
  while (pending.length > 0) {
    const [name, ref] = pending.shift()!;
    defs.set(name, {});
    defs.set(name, convert(resolvePointer(document, ref)) as JsonObject);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...root,
    ...(defs.size > 0
      ? { $defs: { ...((root.$defs as JsonObject) ?? {}), ...Object.fromEntries(defs) } }
      : {}),
  };
}

/** Draft 4's boolean exclusive bounds (OpenAPI 3.0, Swagger 2.0) as 2020-12's numbers. */
function exclusiveBounds(schema: JsonObject): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else if (typeof schema[exclusive] === 'boolean') delete schema[exclusive];
  }
}

/** The schema, or null. */
function withNull(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') {
    const enumerated = Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {};
    return { ...schema, type: [schema.type, 'null'], ...enumerated };
  }
  if (Array.isArray(schema.type))
    return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}
