import { CATEGORY_LABELS } from '@ihm/diagnosis';
import { formatRelative } from '../../lib/format';
import { readLatestResult } from '../../lib/integration-reads';
import { sectionRead } from '../../lib/section-read';
import { StatusBadge } from '../status-badge';

/** The head's status line: the newest result's status and category, and how long ago it ran. */
export async function LatestStatus({ id, before }: { id: string; before: string | undefined }) {
  const read = await sectionRead(readLatestResult(id, before));
  if (!read.ok) return <div className="muted">Status unknown: the monitor is not reachable.</div>;
  const latest = read.value;
  return (
    <div className="row">
      <StatusBadge status={latest?.status ?? 'pending'} />
      {latest?.category ? <span className="chip">{CATEGORY_LABELS[latest.category]}</span> : null}
      {latest ? (
        <span className="muted">
          checked <time dateTime={latest.startedAt}>{formatRelative(latest.startedAt)}</time>
        </span>
      ) : null}
    </div>
  );
}
