type Schema = Record<string, unknown>;

/** How deep a recursive schema (a tree of nodes) is followed before the example stops at null. */
const MAX_DEPTH = 8;

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-01-31T12:00:00Z',
  date: '2026-01-31',
  time: '12:00:00Z',
  uri: 'https://api.example.com/resource',
  url: 'https://api.example.com/resource',
  email: 'user@example.com',
  uuid: '3f2b8a1e-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  hostname: 'api.example.com',
};

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `#/…` pointer inside the root schema (`#/$defs/Order`, `#/definitions/Order`). */
function resolve(root: Schema, ref: string): Schema | null {
  if (!ref.startsWith('#/')) return null;
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/'))
    node = isSchema(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isSchema(node) ? node : null;
}

function example(schema: unknown, root: Schema, depth: number): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') return example(resolve(root, schema.$ref), root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const first = options.find((option) => !(isSchema(option) && option.type === 'null')) ?? options[0];
      return example(first, root, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => example(part, root, depth + 1));
    return parts.every(isSchema) ? Object.assign({}, ...parts) : (parts[0] ?? null);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type =
    types.find((candidate) => candidate !== 'null' && typeof candidate === 'string') ??
    (isSchema(schema.properties) ? 'object' : schema.items ? 'array' : types[0]);
  switch (type) {
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      return Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, example(property, root, depth + 1)]),
      );
    }
    case 'array': {
      if (Array.isArray(schema.prefixItems))
        return schema.prefixItems.map((item) => example(item, root, depth + 1));
      return depth + 1 > MAX_DEPTH || schema.items === undefined
        ? []
        : [example(schema.items, root, depth + 1)];
    }
    case 'string':
      return typeof schema.format === 'string' ? (FORMAT_EXAMPLES[schema.format] ?? 'string') : 'string';
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 0;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * A JSON value shaped as the schema describes (every property, one item per array, the first of an enum or of a
 * oneOf/anyOf, a plausible value per string format), for someone reading a schema to see what it expects. It is
 * an illustration: keywords such as pattern or minLength are not honoured.
 */
export function exampleFromSchema(schema: Schema): unknown {
  return example(schema, schema, 0);
}
