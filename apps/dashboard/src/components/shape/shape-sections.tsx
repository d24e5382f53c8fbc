import type { ShapeDriftEntry, ShapeReport } from '@ihm/contracts';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { DataTable } from '../data-table';

const END_REASONS: Record<NonNullable<ShapeDriftEntry['endReason']>, string> = {
  returned: 'the learned shape came back',
  changed: 'the shape changed again',
  accepted: 'accepted',
};

const CHANGE_LABELS: Record<ShapeDriftEntry['changes'][number]['kind'], string> = {
  type_changed: 'type changed',
  removed: 'gone',
  added: 'added',
};

/** Each time the responses broke from the learned shape, newest first: when, what changed, how it ended. */
export function DriftHistory({ drifts, accept }: { drifts: ShapeDriftEntry[]; accept: ReactNode }) {
  if (drifts.length === 0)
    return <p className="muted">No change so far: every response since learning had the learned shape.</p>;
  return (
    <ol className="cards drift-history" aria-label="Shape changes, newest first">
      {drifts.map((drift) => (
        <li key={drift.id} className={`panel card drift ${drift.endedAt ? 'ended' : 'open'}`}>
          <div className="row">
            <h3 className="card-title">Changed {formatDateTime(drift.startedAt)}</h3>
            <span className={`chip ${drift.endedAt ? '' : 'open-drift'}`}>
              {drift.endedAt
                ? `ended ${formatDateTime(drift.endedAt)}: ${END_REASONS[drift.endReason ?? 'returned']}${drift.acceptedBy ? ` by ${drift.acceptedBy}` : ''}`
                : `still seen, last ${formatDateTime(drift.lastSeenAt)}`}
            </span>
          </div>
          <ul className="drift-changes">
            {drift.changes.map((change) => (
              <li key={`${change.kind}:${change.path}`}>
                <span className={`chip change-${change.kind}`}>{CHANGE_LABELS[change.kind]}</span>{' '}
                <code>{change.path}</code> {change.description.replace(/^field \S+ /, '')}
              </li>
            ))}
          </ul>
          {drift.endedAt ? null : accept}
        </li>
      ))}
    </ol>
  );
}

export const SHAPE_FIELD_COLUMNS = ['Field', 'Type', 'In every response'] as const;

/** The fields the healthy responses had: path, types, and whether every response had it. */
export function LearnedFields({ learned }: { learned: NonNullable<ShapeReport['learned']> }) {
  return (
    <>
      <p className="muted">
        {learned.learning
          ? `Learning: ${learned.responses} of ${learned.learningResponses} healthy responses so far; changes are reported after that.`
          : `Learned from ${learned.responses} healthy responses, since ${formatDateTime(learned.since)}. Types only: no value is stored.`}
      </p>
      <DataTable columns={SHAPE_FIELD_COLUMNS} className="data">
        {learned.fields.map((field) => (
          <tr key={field.path}>
            <td>
              <code>{field.path}</code>
            </td>
            <td>{field.types.join(' or ')}</td>
            <td>
              {field.expected ? (
                'yes'
              ) : (
                <span className="muted">
                  {field.path.endsWith('[]') ? 'when the list has items' : 'optional'}
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
