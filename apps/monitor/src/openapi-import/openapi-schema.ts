import type { ImportedApi } from '@ihm/contracts';

/** The versions of OpenAPI whose schemas differ from plain JSON Schema in their own ways. */
export type OpenApiDialect = ImportedApi['dialect'];

export type JsonObject = Record<string, unknown>;

/** A document that cannot be read as asked: the message says what and where. */
export class OpenApiImportError extends Error {}

/** A document whose operations' schemas, listed whole, would be too large to answer: the import fails as a whole. */
export class OpenApiTooLargeError extends OpenApiImportError {}

/** A JSON object (not an array, not null): what a schema, an operation or a document is. */
export const isObject = (value: unknown): value is JsonObject =>
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

/** How deep a schema may nest: deeper is a YAML anchor that contains itself, or a document built to hurt. */
const MAX_DEPTH = 64;
/** What one import may answer in all: the operations' schemas with the definitions each includes. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

const unescape = (segment: string) => {
  try {
    return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    throw new OpenApiImportError(`has a $ref that is not a valid JSON pointer (${segment})`);
  }
};

/** Follows a JSON pointer inside the document; refs to other documents are refused (the monitor fetches no more). */
export function resolvePointer(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new OpenApiImportError(`refers to another document (${ref})`);
  let node: unknown = document;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    if (!isObject(node) && !Array.isArray(node)) throw new OpenApiImportError(`${ref} points at nothing`);
    node = (node as Record<string, unknown>)[unescape(raw)];
  }
  if (node === undefined) throw new OpenApiImportError(`${ref} points at nothing`);
  return node;
}

interface Definition {
  name: string;
  schema: JsonObject;
  /** The pointers this definition refers to itself. */
  refs: Set<string>;
  bytes: number;
}

/**
 * Turns a document's OpenAPI schemas into self-contained JSON Schemas (draft 2020-12) for responses: every `$ref`
 * a schema reaches, however deep and even circular, becomes an entry of its `$defs`, each definition converted
 * once per document and named after its pointer (`#/components/schemas/Order` → `Order`, made unique); OpenAPI
 * 3.0's `nullable` and Swagger's `x-nullable` become a `null` type, boolean `exclusiveMinimum`/`exclusiveMaximum`
 * become numbers, `writeOnly` properties (never sent in a response) are not required, and annotations that
 * validate nothing (discriminator, example, xml) are dropped. The schemas answered in all are bounded
 * (MAX_OUTPUT_BYTES), so a small document whose operations each include a huge definition cannot blow up.
 */
export class SchemaConverter {
  private readonly definitions = new Map<string, Definition>();
  private readonly names = new Set<string>();
  private output = 0;

  constructor(
    private readonly document: JsonObject,
    private readonly dialect: OpenApiDialect,
  ) {}

  /** The response schema, with the definitions it reaches in `$defs`. */
  response(schema: unknown): JsonObject {
    const refs = new Set<string>();
    const root = this.convert(schema, refs, 0) as JsonObject;
    const reached = new Map<string, Definition>();
    const queue = [...refs];
    while (queue.length > 0) {
      const pointer = queue.shift()!;
      if (reached.has(pointer)) continue;
      const definition = this.definition(pointer);
      reached.set(pointer, definition);
      queue.push(...definition.refs);
    }
    this.output += JSON.stringify(root).length;
    for (const definition of reached.values()) this.output += definition.bytes;
    if (this.output > MAX_OUTPUT_BYTES)
      throw new OpenApiTooLargeError(
        `has more response schema than the monitor lists at once (over ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB): import fewer operations from a smaller document`,
      );
    const defs = Object.fromEntries(
      [...reached.values()].map(({ name, schema: converted }) => [name, converted]),
    );
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      ...root,
      ...(reached.size > 0 ? { $defs: { ...((root.$defs as JsonObject) ?? {}), ...defs } } : {}),
    };
  }

  private nameOf(pointer: string): string {
    const known = this.definitions.get(pointer);
    if (known) return known.name;
    const base = unescape(pointer.replace(/^#\/(components\/schemas|definitions)\//, '')).replace(
      /[^A-Za-z0-9_.-]/g,
      '_',
    );
    let name = base;
    for (let n = 2; this.names.has(name); n += 1) name = `${base}_${n}`;
    this.names.add(name);
    this.definitions.set(pointer, { name, schema: {}, refs: new Set(), bytes: 0 });
    return name;
  }

  /** A definition, converted the first time it is asked for (a placeholder meanwhile, for circular ones). */
  private definition(pointer: string): Definition {
    const name = this.nameOf(pointer);
    const definition = this.definitions.get(pointer)!;
    if (definition.bytes === 0) {
      definition.bytes = 2;
      definition.schema = this.convert(
        resolvePointer(this.document, pointer),
        definition.refs,
        0,
      ) as JsonObject;
      definition.bytes = JSON.stringify(definition.schema).length + name.length + 3;
    }
    return definition;
  }

  private convert(node: unknown, refs: Set<string>, depth: number): unknown {
    if (depth > MAX_DEPTH)
      throw new OpenApiImportError(
        `nests a schema deeper than ${MAX_DEPTH} levels (does a YAML anchor contain itself?)`,
      );
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) return {};
    const deeper = (value: unknown) => this.convert(value, refs, depth + 1);
    if (typeof node.$ref === 'string') {
      if (!node.$ref.startsWith('#'))
        throw new OpenApiImportError(`refers to another document (${node.$ref})`);
      refs.add(node.$ref);
      const reference = { $ref: `#/$defs/${this.nameOf(node.$ref)}` };
      // In 3.1 (JSON Schema 2020-12) a $ref's siblings apply beside it, in the same schema, so that keywords
      // such as unevaluatedProperties see what the $ref evaluated; before 3.1 they were ignored.
      if (this.dialect !== 'openapi-3.1') return reference;
      const { $ref: _ref, ...siblings } = node;
      return { ...(deeper(siblings) as JsonObject), ...reference };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (ONE_SCHEMA.includes(key) && (isObject(value) || typeof value === 'boolean'))
        out[key] = deeper(value);
      else if (SCHEMA_MAPS.includes(key) && isObject(value))
        out[key] = Object.fromEntries(
          Object.entries(value).map(([name, property]) => [name, deeper(property)]),
        );
      else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(deeper);
      else if (key === 'items' && Array.isArray(value)) out.prefixItems = value.map(deeper);
      else out[key] = value;
    }
    if (this.dialect === 'swagger-2.0' && out.type === 'file') delete out.type;
    if (Array.isArray(out.required) && isObject(node.properties)) {
      const writeOnly = Object.entries(node.properties)
        .filter(([, property]) => isObject(property) && property.writeOnly === true)
        .map(([name]) => name);
      out.required = out.required.filter((name) => !writeOnly.includes(name as string));
      if ((out.required as unknown[]).length === 0) delete out.required;
    }
    if (this.dialect !== 'openapi-3.1') exclusiveBounds(out);
    const nullable = this.dialect === 'openapi-3.0' ? node.nullable === true : node['x-nullable'] === true;
    return nullable ? withNull(out) : out;
  }
}

/** One response schema of a document, on its own (for a single schema; a document's operations share a converter). */
export function responseJsonSchema(
  schema: unknown,
  document: JsonObject,
  dialect: OpenApiDialect,
): JsonObject {
  return new SchemaConverter(document, dialect).response(schema);
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
