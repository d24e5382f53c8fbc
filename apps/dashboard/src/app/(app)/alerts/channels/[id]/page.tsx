import { ChannelDeliveryQuerySchema } from '@ihm/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AutoRefresh } from '../../../../../components/auto-refresh';
import { ChannelSummaryPanel } from '../../../../../components/channels/channel-summary-panel';
import { DeliveryLog } from '../../../../../components/channels/delivery-log';
import { DeliveryLogSkeleton } from '../../../../../components/channels/delivery-log-skeleton';
import { MonitorDownPage } from '../../../../../components/monitor-down-page';
import { PageHead } from '../../../../../components/page-head';
import { readChannel, readChannelDeliveries } from '../../../../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../../../../lib/monitor-api';
import { validParams, type SearchParams } from '../../../../../lib/url-params';
import { testChannel } from '../../../../alerts/channels/actions';

export const dynamic = 'force-dynamic';

const REFRESH_MS = 10_000;

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const channel = await readChannel(id).catch(() => null);
  return { title: channel?.name ?? 'Channel' };
}

/** One channel: its summary and a test with the head, its delivery log streamed and paged by `before`. */
export default async function ChannelPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const { before } = validParams(await searchParams, ['before'], ChannelDeliveryQuerySchema);
  // Started with the channel's read, not after it; the log's section awaits it and shows its failure.
  readChannelDeliveries(id, before).catch(() => undefined);
  let channel;
  try {
    channel = await readChannel(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Channel" message={error.message} refreshMs={REFRESH_MS} />;
  }
  return (
    <>
      <PageHead
        title={channel.name}
        back={{ href: '/alerts/channels', label: 'Channels' }}
        actions={
          <>
            <AutoRefresh everyMs={REFRESH_MS} />
            <Link
              href={`/alerts/channels/${encodeURIComponent(channel.id)}/edit`}
              className="button"
              aria-label={`Edit ${channel.name}`}
            >
              Edit
            </Link>
          </>
        }
      />
      <ChannelSummaryPanel
        channel={channel}
        now={Date.now()}
        testAction={testChannel.bind(null, channel.id)}
      />
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Delivery log</h2>
        <Suspense key={before ?? 'newest'} fallback={<DeliveryLogSkeleton />}>
          <DeliveryLog id={id} before={before} />
        </Suspense>
      </section>
    </>
  );
}
