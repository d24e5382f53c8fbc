import type { ProbeResult } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import { formatDateTime, formatMs } from '../../lib/format';
import { DataTable } from '../data-table';
import { StatusBadge } from '../status-badge';

/** The table's columns, in order; its skeleton shows the same headers. */
export const RESULT_COLUMNS = ['Started', 'Status', 'Category', 'HTTP', 'Total', 'Diagnosis'] as const;

/** The recent results, newest first, one line each. */
export function ResultsTable({ results }: { results: readonly ProbeResult[] }) {
  if (results.length === 0) return <div className="empty">No results yet: the first probe runs shortly.</div>;
  return (
    <DataTable columns={RESULT_COLUMNS} className="data">
      {results.map((result) => (
        <tr key={result.startedAt}>
          <td className="nowrap">
            <time dateTime={result.startedAt}>{formatDateTime(result.startedAt)}</time>
          </td>
          <td>
            <StatusBadge status={result.status} />
          </td>
          <td>{result.category ? CATEGORY_LABELS[result.category] : '—'}</td>
          <td className="num">{result.httpStatus ?? '—'}</td>
          <td className="num nowrap">{formatMs(result.timings.totalMs)}</td>
          <td className="message">{result.message}</td>
        </tr>
      ))}
    </DataTable>
  );
}
