import { ROOT_PATH, type JsonType, type ResponseShape } from './response-shape';

/**
 * What an integration's healthy responses looked like: each path with the types seen there and in how many of the
 * learning responses it appeared. A path seen in every one of them is expected; one seen in some is optional.
 */
export interface LearnedShape {
  /** Healthy responses learned from, up to LEARNING_RESPONSES; comparing starts once it is reached. */
  responses: number;
  paths: Record<string, { types: JsonType[]; seen: number }>;
  /** When learning began, or when a change was last accepted: what "since" refers to. */
  since: string;
}

/** How many healthy responses are learned before changes are reported. */
export const LEARNING_RESPONSES = 3;

export type ShapeChange =
  | { kind: 'type_changed'; path: string; before: JsonType[]; after: JsonType[] }
  | { kind: 'removed'; path: string; before: JsonType[] }
  | { kind: 'added'; path: string; after: JsonType[] };

/** What a response's shape says against what was learned. */
export interface ShapeDrift {
  /** Type changes and removed fields: what breaks consumers. Never empty. */
  changes: ShapeChange[];
  since: string;
  learnedFrom: number;
}

const union = (a: readonly JsonType[], b: readonly JsonType[]) => [...new Set([...a, ...b])].sort();

/**
 * Adds a healthy response to what is learned. While learning, every path counts its appearances; afterwards a new
 * path is optional (an added field is never expected) and a new type of a known path is not learned silently:
 * comparing reported it first.
 */
export function learnShape(learned: LearnedShape | null, shape: ResponseShape, at: Date): LearnedShape {
  const base = learned ?? { responses: 0, paths: {}, since: at.toISOString() };
  const learning = base.responses < LEARNING_RESPONSES;
  const paths = { ...base.paths };
  for (const [path, types] of Object.entries(shape.paths)) {
    const known = paths[path];
    if (known) paths[path] = { types: union(known.types, types), seen: known.seen + (learning ? 1 : 0) };
    else paths[path] = { types: [...types], seen: learning ? 1 : 0 };
  }
  return { responses: learning ? base.responses + 1 : base.responses, paths, since: base.since };
}

/** True when `learnShape` would change nothing worth storing: every path and type is already known. */
export function knowsShape(learned: LearnedShape, shape: ResponseShape): boolean {
  if (learned.responses < LEARNING_RESPONSES) return false;
  return Object.entries(shape.paths).every(([path, types]) => {
    const known = learned.paths[path];
    return known !== undefined && types.every((type) => known.types.includes(type));
  });
}

const parentOf = (path: string): string | null => {
  if (path === ROOT_PATH) return null;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? ROOT_PATH : path.slice(0, cut);
};

/** How many fields hold this one: what holds a field is compared before it. */
function depthOf(path: string): number {
  let depth = 0;
  for (let parent = parentOf(path); parent !== null; parent = parentOf(parent)) depth++;
  return depth;
}

/** `items[]` holds an array's items: absent whenever the array is empty, so its absence is no removal. */
const isItems = (path: string) => path.endsWith('[]');

/**
 * A field is expected when it was there every time what holds it was (a list item's field: in every response with
 * items). An array's items never are: an empty list has none.
 */
export function isExpected(learned: LearnedShape, path: string): boolean {
  const known = learned.paths[path];
  if (!known || known.seen === 0 || isItems(path)) return false;
  const parent = parentOf(path);
  const holderSeen = parent === null ? learned.responses : (learned.paths[parent]?.seen ?? 0);
  return known.seen >= holderSeen;
}

/**
 * Compares a response with what was learned: a known path holding a new type, an expected path gone (reported at
 * the highest level only: a removed object, not each of its fields), and new paths. Null while learning.
 */
export function compareShape(learned: LearnedShape, shape: ResponseShape): ShapeChange[] | null {
  if (learned.responses < LEARNING_RESPONSES) return null;
  const changes: ShapeChange[] = [];
  const broken = new Set<string>();
  const underBroken = (path: string) => {
    for (let parent = parentOf(path); parent !== null; parent = parentOf(parent))
      if (broken.has(parent)) return true;
    return false;
  };
  const paths = Object.keys({ ...learned.paths, ...shape.paths }).sort((a, b) => depthOf(a) - depthOf(b));
  for (const path of paths) {
    if (underBroken(path)) continue;
    const known = learned.paths[path];
    const now = shape.paths[path];
    if (known && now) {
      if (now.some((type) => !known.types.includes(type))) {
        changes.push({ kind: 'type_changed', path, before: known.types, after: now });
        broken.add(path);
      }
    } else if (known) {
      const parent = parentOf(path);
      // A field of an object that is there, whose absence cannot be put down to a truncated shape.
      const parentThere = parent === null || shape.paths[parent]?.includes('object');
      if (isExpected(learned, path) && parentThere && !shape.truncated) {
        changes.push({ kind: 'removed', path, before: known.types });
        broken.add(path);
      }
    } else if (now && !underAdded(path, changes)) {
      changes.push({ kind: 'added', path, after: now });
    }
  }
  return changes;
}

const isUnder = (path: string, ancestor: string) =>
  ancestor === ROOT_PATH
    ? path !== ROOT_PATH
    : path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);

/** A new object's fields are part of it: reported as the object added, not field by field. */
const underAdded = (path: string, changes: readonly ShapeChange[]) =>
  changes.some((change) => change.kind === 'added' && isUnder(path, change.path));

/** The changes that break consumers: a changed type or a field gone. An added field alone is none. */
export const breakingChanges = (changes: readonly ShapeChange[]) =>
  changes.filter((change) => change.kind !== 'added');

/**
 * Accepting the new shape: the response's types replace the learned ones where they changed, expected fields it no
 * longer has are forgotten (with what was under them), and its new fields are learned as optional.
 */
export function acceptShape(learned: LearnedShape, shape: ResponseShape, at: Date): LearnedShape {
  const changes =
    compareShape({ ...learned, responses: Math.max(learned.responses, LEARNING_RESPONSES) }, shape) ?? [];
  const paths = { ...learned.paths };
  // What was under a field that went or changed type is learned again from the response, if it is there.
  for (const change of changes) {
    if (change.kind === 'added') continue;
    for (const path of Object.keys(paths))
      if (isUnder(path, change.path) || (change.kind === 'removed' && path === change.path))
        delete paths[path];
    if (change.kind === 'type_changed')
      paths[change.path] = { ...paths[change.path]!, types: [...change.after] };
  }
  for (const [path, types] of Object.entries(shape.paths)) {
    const known = paths[path];
    paths[path] = { types: known ? union(known.types, types) : [...types], seen: known?.seen ?? 0 };
  }
  return { responses: Math.max(learned.responses, LEARNING_RESPONSES), paths, since: at.toISOString() };
}
