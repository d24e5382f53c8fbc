import type { TimelineEntry } from '../../lib/alert-timeline';
import { formatDateTime } from '../../lib/format';

/** The table's columns, in order; its skeleton shows the same headers. */
export const TIMELINE_COLUMNS = ['Time', 'What', 'Channel', 'Outcome', 'HTTP', 'Error'] as const;

const OUTCOME_TEXT = { delivered: 'delivered', failed: 'failed', queued: 'queued', held: 'held' } as const;

/** The alert's changes and each delivery attempt, oldest first, one line each. */
export function TimelineTable({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="data timeline">
        <thead>
          <tr>
            {TIMELINE_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
                    <span className={`outcome ${entry.outcome}`}>{OUTCOME_TEXT[entry.outcome]}</span>
                  </td>
                  <td className="num">{entry.status ?? '—'}</td>
                  <td className="message">{entry.error ?? ''}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
