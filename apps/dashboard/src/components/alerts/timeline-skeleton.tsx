import { LoadingText, SkeletonText } from '../skeleton';
import { TIMELINE_COLUMNS } from './timeline-table';

/** A typical timeline: started, fired, a notification or two. */
const ROWS = 4;
const CELL_WIDTHS = ['13em', '9em', '7em', '5em', '2.5em', '8em'] as const;

export function TimelineSkeleton() {
  return (
    <div aria-busy="true">
      <LoadingText>Loading the notifications…</LoadingText>
      <div className="table-scroll" aria-hidden="true">
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
            {Array.from({ length: ROWS }, (_, row) => (
              <tr key={row}>
                {CELL_WIDTHS.map((width, column) => (
                  <td key={column}>
                    <SkeletonText width={width} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
