import Link from 'next/link';
import { readChannelDeliveries } from '../../lib/alerting-reads';
import { channelHref } from '../../lib/channel-href';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { DeliveryLogTable } from './delivery-log-table';

interface DeliveryLogProps {
  id: string;
  /** The `nextBefore` of the page before, from the URL; none for the newest page. */
  before: string | undefined;
}

/** One page of the channel's delivery log, streamed, with links to the newest page and to older ones. */
export async function DeliveryLog({ id, before }: DeliveryLogProps) {
  const read = await sectionRead(readChannelDeliveries(id, before));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const page = read.value;
  return (
    <>
      {page.items.length > 0 ? (
        <DeliveryLogTable deliveries={page.items} now={Date.now()} />
      ) : (
        <div className="empty">
          {before
            ? 'No older deliveries.'
            : 'Nothing delivered yet: attempts appear here once a rule that sends to this channel fires. A test is not logged.'}
        </div>
      )}
      <nav className="pager" aria-label="Delivery log pages">
        {before ? (
          <Link href={channelHref(id)} className="button">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextBefore ? (
          <Link href={channelHref(id, page.nextBefore)} className="button">
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
