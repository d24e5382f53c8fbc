import type { Overview, OverviewItem } from '@ihm/contracts';
import { troubleshootingSteps } from '@ihm/diagnosis';
import Link from 'next/link';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { groupLabel } from '../../lib/group-label';
import { groupPage } from '../../lib/group-page';
import { sparklineSeries } from '../../lib/sparkline-series';
import { Sparkline } from '../sparkline';
import { StatusBadge } from '../status-badge';

interface IntegrationGroupsProps {
  items: readonly OverviewItem[];
  byGroup: Overview['matched']['byGroup'];
  now: number;
}

function Row({ item, now }: { item: OverviewItem; now: number }) {
  const sparkline = sparklineSeries(item.latencySparklineMs);
  return (
    <li className="item-row">
      <StatusBadge status={item.status} />
      <span className="item-text">
        <Link href={`/integrations/${item.id}`} className="name">
          {item.name}
        </Link>{' '}
        {item.kind === 'webhook' ? <span className="chip">webhook · {item.webhookScheme}</span> : null}{' '}
        {item.paused ? <span className="chip">paused</span> : null}{' '}
        {item.tags.map((tag) => (
          <span key={tag} className="chip">
            {tag}
          </span>
        ))}
        {item.message ? <span className="message">{item.message}</span> : null}
      </span>
      <Sparkline values={sparkline.values} label={sparkline.label} />
      <span className="when">
        {item.lastCheckedAt ? (
          <time dateTime={item.lastCheckedAt} title={formatDateTime(item.lastCheckedAt)}>
            {formatRelative(item.lastCheckedAt, now)}
          </time>
        ) : (
          'never'
        )}
      </span>
    </li>
  );
}

/** The page's integrations in sections by guide category, each with what the guide says to do. */
export function IntegrationGroups({ items, byGroup, now }: IntegrationGroupsProps) {
  return groupPage(items).map(({ group, items: members }) => {
    const headingId = `group-${group}`;
    return (
      <section key={group} className="group" aria-labelledby={headingId}>
        <h3 id={headingId}>
          {groupLabel(group)} <span className="muted">{formatNumber(byGroup[group] ?? members.length)}</span>
        </h3>
        {group === 'pending' || group === 'healthy' ? null : (
          <details className="steps">
            <summary>Troubleshooting steps</summary>
            <ol>
              {troubleshootingSteps(group).map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </details>
        )}
        <ul>
          {members.map((item) => (
            <Row key={item.id} item={item} now={now} />
          ))}
        </ul>
      </section>
    );
  });
}
