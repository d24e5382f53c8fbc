import { LoadingText, SkeletonBlock } from '../skeleton';
import { TableSkeleton } from '../table-skeleton';
import { DELIVERY_LOG_COLUMNS } from './delivery-log-table';

/** A first screen of the log: a channel in use has had a few notifications, often fewer than a page. */
const ROWS = 8;
const CELL_WIDTHS = ['9em', '10em', '5em', '2.5em', '3.5em', '8em', '16em'] as const;

export function DeliveryLogSkeleton() {
  return (
    <div aria-busy="true">
      <LoadingText>Loading the delivery log…</LoadingText>
      <TableSkeleton
        columns={DELIVERY_LOG_COLUMNS}
        widths={CELL_WIDTHS}
        rows={ROWS}
        className="data delivery-log stacked"
      />
      <div className="pager" aria-hidden="true">
        <span />
        <SkeletonBlock className="button-skeleton" />
      </div>
    </div>
  );
}
