/** What a JSON value is, as a response's shape records it: integers and decimals are both numbers. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/**
 * The shape of one response: every field path (`items[].price`) with the types it held there. Types only, never a
 * value. `truncated` says the body had more fields than are recorded, so a field not seen may still be there.
 */
export interface ResponseShape {
  paths: Record<string, JsonType[]>;
  truncated: boolean;
}

/** At most this many paths, this deep, from this many values: a shape stays small and quick whatever the body. */
export const SHAPE_LIMITS = { maxPaths: 400, maxDepth: 12, maxValues: 20_000 } as const;

/** The path of the body itself. */
export const ROOT_PATH = '(root)';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

function childPath(parent: string, key: string): string {
  const step = PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (parent === ROOT_PATH) return step;
  return step.startsWith('[') ? `${parent}${step}` : `${parent}.${step}`;
}

const itemsPath = (parent: string) => (parent === ROOT_PATH ? '[]' : `${parent}[]`);

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'number' || type === 'bigint') return 'number';
  if (type === 'boolean') return 'boolean';
  return type === 'object' ? 'object' : 'string';
}

/** The shape of a parsed JSON body; the items of an array share one path (`items[]`). */
export function shapeOf(body: unknown): ResponseShape {
  const paths: Record<string, JsonType[]> = {};
  let truncated = false;
  // Breadth first, so that what a large body leaves out is its deepest fields, not a whole top-level section.
  const queue: { path: string; value: unknown; depth: number }[] = [
    { path: ROOT_PATH, value: body, depth: 0 },
  ];
  const visit = (path: string, value: unknown, depth: number) => {
    if (queue.length < SHAPE_LIMITS.maxValues) queue.push({ path, value, depth });
    else truncated = true;
  };
  for (let at = 0; at < queue.length; at++) {
    const { path, value, depth } = queue[at]!;
    const known = paths[path];
    if (!known && Object.keys(paths).length >= SHAPE_LIMITS.maxPaths) {
      truncated = true;
      continue;
    }
    const type = typeOf(value);
    if (!known) paths[path] = [type];
    else if (!known.includes(type)) known.push(type);
    if (depth >= SHAPE_LIMITS.maxDepth) {
      if (type === 'object' || type === 'array') truncated = true;
      continue;
    }
    if (type === 'array') for (const item of value as unknown[]) visit(itemsPath(path), item, depth + 1);
    else if (type === 'object')
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        if (item !== undefined) visit(childPath(path, key), item, depth + 1);
  }
  for (const types of Object.values(paths)) types.sort();
  return { paths, truncated };
}
