import type { TimelineEntry } from '../../lib/alert-timeline';
import { formatDateTime } from '../../lib/format';
import { DataTable } from '../data-table';

/** The table's columns, in order; its skeleton shows the same headers. */
export const TIMELINE_COLUMNS = ['Time', 'What', 'Channel', 'Outcome', 'HTTP', 'Error'] as const;

/** A delivery attempt's outcome in its colour, the same in an alert's timeline and in a channel's log. */
export function OutcomeText({ outcome }: { outcome: 'delivered' | 'failed' | 'queued' | 'held' }) {
  return <span className={`outcome ${outcome}`}>{outcome}</span>;
}

/**
 * The alert's changes and each delivery attempt, oldest first, one line each; on a phone each line is a small
 * card (`stacked`) instead of a row wider than the screen.
 */
export function TimelineTable({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <DataTable columns={TIMELINE_COLUMNS} className="data timeline stacked">
      {entries.map((entry, index) => (
        <tr key={`${entry.at}:${index}`} className={entry.type}>
          <td className="nowrap">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </td>
          {entry.type === 'change' ? (
            <td colSpan={5}>
              <strong>{entry.text}</strong>
            </td>
          ) : (
            <>
              <td>{entry.text}</td>
              <td>{entry.channel}</td>
              <td>
                <OutcomeText outcome={entry.outcome} />
              </td>
              <td className="num" data-label="HTTP">
                {entry.status ?? '—'}
              </td>
              <td className="message">{entry.error ?? ''}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
