import { LoadingText } from '../skeleton';
import { TableSkeleton } from '../table-skeleton';
import { TIMELINE_COLUMNS } from './timeline-table';

/** A typical timeline: started, fired, a notification or two. */
const ROWS = 4;
const CELL_WIDTHS = ['13em', '9em', '7em', '5em', '2.5em', '8em'] as const;

export function TimelineSkeleton() {
  return (
    <div aria-busy="true">
      <LoadingText>Loading the notifications…</LoadingText>
      <TableSkeleton
        columns={TIMELINE_COLUMNS}
        widths={CELL_WIDTHS}
        rows={ROWS}
        className="data timeline stacked"
      />
    </div>
  );
}
