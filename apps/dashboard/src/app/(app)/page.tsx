import { CATEGORIES, CATEGORY_LABELS } from '@ihm/diagnosis';
import { StatusBadge } from '../components/status-badge';
import { groupByCategory } from '../lib/group-by-category';
import { fetchOverview } from '../lib/monitor-api';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const overview = await fetchOverview();
  const { counts } = overview;
  if (counts.total === 0) {
    return (
      <div className="empty">
        <h2>No integrations yet</h2>
        <p className="muted">
          Register one with <code>POST /api/integrations</code> (see the README), or start with{' '}
          <code>DEMO=1</code> to load the sandbox&apos;s examples.
        </p>
      </div>
    );
  }
  return (
    <>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <div className="tiles">
          {(['down', 'degraded', 'up', 'pending'] as const).map((status) => (
            <div key={status} className="tile">
              <div className="count">{counts.byStatus[status] ?? 0}</div>
              <div className="label">
                <StatusBadge status={status} />
              </div>
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Failures by category</h2>
        <div className="tiles">
          {CATEGORIES.map((category) => {
            const count = counts.byCategory[category] ?? 0;
            return (
              <div key={category} className={count > 0 ? 'tile alert' : 'tile'}>
                <div className="count">{count}</div>
                <div className="label">{CATEGORY_LABELS[category]}</div>
              </div>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="integrations-heading">
        <h2 id="integrations-heading">Integrations</h2>
        {groupByCategory(overview.integrations).map((group) => (
          <div key={group.key} className="group">
            <h3>
              {group.label} <span className="muted">({group.items.length})</span>
            </h3>
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  <StatusBadge status={item.status} />
                  <span>
                    <span className="name">{item.name}</span>
                    {item.message ? <span className="muted"> — {item.message}</span> : null}
                  </span>
                  <span className="muted">
                    {item.paused
                      ? 'paused'
                      : item.lastCheckedAt
                        ? new Date(item.lastCheckedAt).toLocaleTimeString('en-GB')
                        : '—'}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
