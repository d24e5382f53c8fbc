import { PageHeadSkeleton } from '../page-head-skeleton';
import { SkeletonBlock, SkeletonText } from '../skeleton';
import { DeliveryLogSkeleton } from './delivery-log-skeleton';

/** The summary panel's rows: type, target, health, changed. */
const FACT_ROWS = 4;

/** The channel page while the channel loads: its head, the summary panel and the log, in their places. */
export function ChannelPageSkeleton() {
  return (
    <div aria-busy="true">
      <PageHeadSkeleton
        titleWidth="10em"
        loading="Loading the channel…"
        back={{ href: '/alerts/channels', label: 'Channels' }}
      />
      <section className="panel channel-summary" aria-hidden="true">
        <h2>Channel</h2>
        {Array.from({ length: FACT_ROWS }, (_, row) => (
          <div key={row}>
            <SkeletonText width="18em" />
          </div>
        ))}
        <div className="row card-actions">
          <SkeletonBlock className="button-skeleton small" />
        </div>
      </section>
      <h2>Delivery log</h2>
      <DeliveryLogSkeleton />
    </div>
  );
}
