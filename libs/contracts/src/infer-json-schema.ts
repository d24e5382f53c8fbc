/**
 * A JSON Schema (draft 2020-12) that the given samples of a healthy response all pass: types, the fields every
 * sample has as required, array items, and a string format only where every sample of that field agrees. Fields
 * a sample lacks are optional, and fields no sample had are allowed, so a provider that adds one does not fail.
 */
export function inferJsonSchema(samples: readonly unknown[]): Record<string, unknown> {
  const shape = samples
    .map(shapeOf)
    .reduce<Shape | null>((merged, next) => (merged ? merge(merged, next) : next), null);
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...(shape ? toSchema(shape) : {}) };
}

type Format = 'date-time' | 'date' | 'uri' | 'email' | 'uuid';

/** What the samples had at one place: the types seen, and for each what is known of it. */
interface Shape {
  null?: true;
  boolean?: true;
  /** Whole numbers only, or any number. */
  number?: { integer: boolean };
  /** The format every string here had; null when they disagree (or have none). */
  string?: { format: Format | null };
  array?: { items: Shape | null };
  object?: { properties: Map<string, Shape>; required: Set<string> };
}

const FORMATS: readonly [Format, RegExp][] = [
  ['date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i],
];

const formatOf = (value: string): Format | null =>
  FORMATS.find(([, pattern]) => pattern.test(value) && value.length < 4096)?.[0] ?? null;

function shapeOf(value: unknown): Shape {
  if (value === null) return { null: true };
  if (typeof value === 'boolean') return { boolean: true };
  if (typeof value === 'number') return { number: { integer: Number.isInteger(value) } };
  if (typeof value === 'string') return { string: { format: formatOf(value) } };
  if (Array.isArray(value))
    return {
      array: {
        items: value
          .map(shapeOf)
          .reduce<Shape | null>((merged, next) => (merged ? merge(merged, next) : next), null),
      },
    };
  const entries = Object.entries(value as Record<string, unknown>);
  return {
    object: {
      properties: new Map(entries.map(([key, field]) => [key, shapeOf(field)])),
      required: new Set(entries.map(([key]) => key)),
    },
  };
}

function merge(a: Shape, b: Shape): Shape {
  const merged: Shape = {};
  if (a.null || b.null) merged.null = true;
  if (a.boolean || b.boolean) merged.boolean = true;
  if (a.number || b.number)
    merged.number = { integer: (a.number?.integer ?? true) && (b.number?.integer ?? true) };
  if (a.string || b.string)
    merged.string = {
      format:
        a.string && b.string
          ? a.string.format === b.string.format
            ? a.string.format
            : null
          : (a.string ?? b.string)!.format,
    };
  if (a.array || b.array) {
    const items = [a.array?.items, b.array?.items].filter((shape): shape is Shape => !!shape);
    merged.array = { items: items.length === 2 ? merge(items[0]!, items[1]!) : (items[0] ?? null) };
  }
  if (a.object && b.object) {
    const properties = new Map(a.object.properties);
    for (const [key, shape] of b.object.properties) {
      const known = properties.get(key);
      properties.set(key, known ? merge(known, shape) : shape);
    }
    const required = new Set([...a.object.required].filter((key) => b.object!.required.has(key)));
    merged.object = { properties, required };
  } else if (a.object || b.object) merged.object = (a.object ?? b.object)!;
  return merged;
}

function toSchema(shape: Shape): Record<string, unknown> {
  const alternatives: Record<string, unknown>[] = [];
  if (shape.object) {
    const properties = Object.fromEntries(
      [...shape.object.properties].map(([key, field]) => [key, toSchema(field)]),
    );
    const required = [...shape.object.required];
    alternatives.push({ type: 'object', properties, ...(required.length > 0 ? { required } : {}) });
  }
  if (shape.array)
    alternatives.push({
      type: 'array',
      ...(shape.array.items ? { items: toSchema(shape.array.items) } : {}),
    });
  if (shape.string)
    alternatives.push({ type: 'string', ...(shape.string.format ? { format: shape.string.format } : {}) });
  if (shape.number) alternatives.push({ type: shape.number.integer ? 'integer' : 'number' });
  if (shape.boolean) alternatives.push({ type: 'boolean' });
  if (shape.null) alternatives.push({ type: 'null' });
  if (alternatives.length === 1) return alternatives[0]!;
  // Only bare types (a field that is sometimes null, a number or a string): one `type` array reads best.
  if (alternatives.every((alternative) => Object.keys(alternative).length === 1))
    return { type: alternatives.map((alternative) => alternative.type) };
  return { anyOf: alternatives };
}
