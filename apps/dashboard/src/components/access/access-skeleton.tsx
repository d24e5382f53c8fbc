import { TableSkeleton } from '../table-skeleton';

/** A section of the access page still loading: its title and its table's headers over placeholder rows. */
export function SectionSkeleton({ title, columns }: { title: string; columns: readonly string[] }) {
  return (
    <section className="panel stack" aria-busy="true">
      <h2>{title}</h2>
      <p className="muted">Loading…</p>
      <TableSkeleton columns={columns} widths={columns.map(() => '6rem')} rows={3} className="data" />
    </section>
  );
}

export const TOKEN_COLUMNS = ['Name', 'Role', 'Token', 'Expires', 'Last used', ''] as const;
export const USER_COLUMNS = ['Name', 'Email', 'Role', 'State', 'Since', ''] as const;
export const AUDIT_COLUMNS = ['When', 'Who', 'What', 'Object', 'Fields sent'] as const;
