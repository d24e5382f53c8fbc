/** What a config file manages, in the order a plan lists them. */
export const CONFIG_OBJECT_TYPES = ['integration', 'channel', 'alert rule', 'silence'] as const;
export type ConfigObjectType = (typeof CONFIG_OBJECT_TYPES)[number];

/**
 * One object as a plan compares it: its settings in clear with secrets masked (`view`), its secrets apart by
 * field, and a one-line summary for a creation. Stored ones carry their id and who manages them.
 */
export interface ComparableObject {
  name: string;
  view: Record<string, unknown>;
  secrets: Record<string, string>;
  summary: string;
}

export interface StoredObject extends ComparableObject {
  id: string;
  managedBy: string | null;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** Only that it changed is shown, never the values. */
  secret: boolean;
}

export type PlannedChange =
  | { action: 'create'; type: ConfigObjectType; name: string; summary: string; index: number }
  | {
      action: 'update';
      type: ConfigObjectType;
      name: string;
      id: string;
      changes: FieldChange[];
      /** Made through the API until now: managed by the file from this apply on. */
      takeOver: boolean;
      index: number;
    }
  | { action: 'delete'; type: ConfigObjectType; name: string; id: string };

export interface ConfigPlan {
  file: string;
  changes: PlannedChange[];
  unchanged: number;
}

/** Both sides of a plan, by type: what is stored, and what the file declares (in the file's order). */
export type ConfigSides = Record<ConfigObjectType, { stored: StoredObject[]; declared: ComparableObject[] }>;

/**
 * What applying the file would do. Integrations, channels and rules are matched by name: a declared one that
 * exists is changed (and taken over when the API made it), one that does not is created, and a stored one that
 * a file manages and this file no longer declares is deleted. Silences have no name: they are matched by their
 * whole content, so a changed silence is one deleted and one created. What the API made and the file does not
 * name is left alone.
 */
export function planConfig(file: string, sides: ConfigSides): ConfigPlan {
  const changes: PlannedChange[] = [];
  let unchanged = 0;
  for (const type of CONFIG_OBJECT_TYPES) {
    const { stored, declared } = sides[type];
    const keyOf = type === 'silence' ? contentKey : (object: ComparableObject) => object.name;
    const remaining = new Map<string, StoredObject[]>();
    for (const object of stored) {
      if (type === 'silence' && object.managedBy === null) continue;
      const key = keyOf(object);
      remaining.set(key, [...(remaining.get(key) ?? []), object]);
    }
    declared.forEach((object, index) => {
      const matches = remaining.get(keyOf(object));
      const current = matches?.shift();
      if (!current) {
        changes.push({ action: 'create', type, name: object.name, summary: object.summary, index });
        return;
      }
      const fieldChanges = diffObjects(current, object);
      const takeOver = current.managedBy === null;
      if (fieldChanges.length === 0 && !takeOver) unchanged++;
      else
        changes.push({
          action: 'update',
          type,
          name: object.name,
          id: current.id,
          changes: fieldChanges,
          takeOver,
          index,
        });
    });
    for (const left of [...remaining.values()].flat())
      if (left.managedBy !== null) changes.push({ action: 'delete', type, name: left.name, id: left.id });
  }
  return { file, changes, unchanged };
}

const contentKey = (object: ComparableObject) => canonical(object.view);

/** JSON with keys sorted, so that two equal values are equal strings whatever their keys' order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The fields that differ: nested objects by their leaves, lists as whole values; secrets by field only. */
export function diffObjects(before: ComparableObject, after: ComparableObject): FieldChange[] {
  const left = leaves(before.view);
  const right = leaves(after.view);
  const changes: FieldChange[] = [];
  for (const field of union(left, right))
    if (canonical(left.get(field)) !== canonical(right.get(field)))
      changes.push({ field, before: left.get(field), after: right.get(field), secret: false });
  const secretsBefore = new Map(Object.entries(before.secrets));
  const secretsAfter = new Map(Object.entries(after.secrets));
  for (const field of union(secretsBefore, secretsAfter))
    if (secretsBefore.get(field) !== secretsAfter.get(field))
      changes.push({ field, before: undefined, after: undefined, secret: true });
  return changes;
}

function union<K>(a: Map<K, unknown>, b: Map<K, unknown>): K[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

function leaves(value: Record<string, unknown>, prefix = '', into = new Map<string, unknown>()) {
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0)
      leaves(item as Record<string, unknown>, field, into);
    else into.set(field, item);
  }
  return into;
}

const MAX_VALUE_LENGTH = 120;

function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const SIGNS = { create: '+', update: '~', delete: '-' } as const;

/** The plan as a reviewer reads it: one line per object, one indented line per changed field. */
export function describePlan(plan: ConfigPlan): string {
  const count = (action: PlannedChange['action']) => plan.changes.filter((c) => c.action === action).length;
  const lines = [
    `${plan.file}: ${count('create')} to create, ${count('update')} to change, ${count('delete')} to delete, ${plan.unchanged} unchanged`,
  ];
  if (plan.changes.length > 0) lines.push('');
  for (const change of plan.changes) {
    const head = `${SIGNS[change.action]} ${change.type} ${JSON.stringify(change.name)}`;
    if (change.action === 'create') lines.push(`${head} (${change.summary})`);
    else if (change.action === 'delete') lines.push(head);
    else {
      lines.push(change.takeOver ? `${head} (made in the API: managed by ${plan.file} from now on)` : head);
      for (const field of change.changes)
        lines.push(
          field.secret
            ? `    ${field.field}: secret changed`
            : `    ${field.field}: ${shown(field.before)} → ${shown(field.after)}`,
        );
    }
  }
  return lines.join('\n');
}
