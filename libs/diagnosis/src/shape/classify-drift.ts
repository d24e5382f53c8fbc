import { degraded, type Finding } from '../finding';
import { formatInstant } from '../humanize';
import type { JsonType } from './response-shape';
import type { ShapeChange, ShapeDrift } from './learned-shape';

const SHOWN_CHANGES = 3;

const types = (list: readonly JsonType[]) => list.join(' or ');

/** One change as a sentence: "field price changed from number to string". */
export function describeShapeChange(change: ShapeChange): string {
  switch (change.kind) {
    case 'type_changed':
      return `field ${change.path} changed from ${types(change.before)} to ${types(change.after)}`;
    case 'removed':
      return `field ${change.path} disappeared`;
    case 'added':
      return `field ${change.path} appeared (${types(change.after)})`;
  }
}

/**
 * A response whose shape broke from what its healthy responses showed (the integration has no JSON Schema): a
 * warning, since the API still answers, with the fields that changed.
 */
export function classifyDrift(drift: ShapeDrift | null | undefined): Finding | null {
  if (!drift || drift.changes.length === 0) return null;
  const shown = drift.changes.slice(0, SHOWN_CHANGES).map(describeShapeChange).join('; ');
  const more =
    drift.changes.length > SHOWN_CHANGES ? ` (and ${drift.changes.length - SHOWN_CHANGES} more)` : '';
  return degraded(
    'schema_mismatch',
    `The response's shape changed since ${formatInstant(new Date(drift.since))}: ${shown}${more}.`,
    [
      `Compare with the provider's changelog: the ${drift.learnedFrom} healthy responses learned before had another shape, and code that reads these fields will break.`,
      'If the change is intended, accept the new shape on the integration’s page (or give the integration a JSON Schema).',
    ],
  );
}
