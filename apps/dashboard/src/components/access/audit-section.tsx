import type { AuditEvent } from '@ihm/contracts';
import { formatDateTime } from '../../lib/format';
import { monitorApi } from '../../lib/monitor-api';
import { DataTable } from '../data-table';
import { AUDIT_COLUMNS } from './access-skeleton';

const LIMIT = 100;

const WHO: Record<AuditEvent['actor']['kind'], (name: string) => string> = {
  user: (name) => name,
  token: (name) => `token "${name}"`,
  apiToken: () => 'API_TOKEN',
  configFile: (name) => `config file ${name}`,
};

const who = ({ actor }: AuditEvent) => WHO[actor.kind](actor.name);

/** The latest changes, newest first: who, what, to which object, the fields they sent (never the values). */
export async function AuditSection() {
  const { items } = await monitorApi.audit(LIMIT);
  return (
    <section className="panel stack" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="muted">
        The last {LIMIT} changes made through the API or this dashboard. <code>GET /api/audit</code> pages
        through all of them.
      </p>
      {items.length === 0 ? (
        <p className="muted">Nothing changed yet.</p>
      ) : (
        <DataTable columns={AUDIT_COLUMNS} className="data">
          {items.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.at)}</td>
              <td>{who(event)}</td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>{event.object.name ?? event.object.id ?? '—'}</td>
              <td>{event.fields.length ? event.fields.join(', ') : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
