import type { ReactNode } from 'react';

interface DataTableProps {
  /** The column headers, in order; the table's skeleton shows the same. */
  columns: readonly string[];
  className: string;
  /** Hidden from assistive technology: a skeleton's placeholder rows. */
  hidden?: boolean;
  /** The body's rows. */
  children: ReactNode;
}

/** A data table that scrolls sideways when it is wider than the screen, its headers over the given rows. */
export function DataTable({ columns, className, hidden, children }: DataTableProps) {
  return (
    <div className="table-scroll" aria-hidden={hidden ? 'true' : undefined}>
      <table className={className}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
