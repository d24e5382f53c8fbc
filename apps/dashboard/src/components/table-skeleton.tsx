import { DataTable } from './data-table';
import { SkeletonText } from './skeleton';

interface TableSkeletonProps {
  /** The headers the drawn table will have, shown as they will be. */
  columns: readonly string[];
  /** One placeholder width per column. */
  widths: readonly string[];
  rows: number;
  className: string;
}

/** A data table still loading: its real headers over rows of placeholders, hidden from assistive technology. */
export function TableSkeleton({ columns, widths, rows, className }: TableSkeletonProps) {
  return (
    <DataTable columns={columns} className={className} hidden>
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row}>
          {widths.map((width, column) => (
            <td key={column}>
              <SkeletonText width={width} />
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
