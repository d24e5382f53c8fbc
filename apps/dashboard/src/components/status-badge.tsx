import type { OverviewStatus } from '@ihm/contracts';

export function StatusBadge({ status }: { status: OverviewStatus }) {
  return <span className={`status ${status}`}>{status}</span>;
}
