import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AlertingNav } from '../../../../components/alerts/alerting-nav';
import { CardListSkeleton } from '../../../../components/alerts/card-list-skeleton';
import { ChannelsSection } from '../../../../components/channels/channels-section';
import { PageHead } from '../../../../components/page-head';
import { deleteChannel, testChannel } from '../../../alerts/channels/actions';
import { canEdit } from '../../../../lib/can-edit';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Channels' };

export default async function ChannelsPage() {
  return (
    <>
      <PageHead
        title="Channels"
        actions={
          (await canEdit()) ? (
            <Link href="/alerts/channels/new" className="button primary">
              Add channel
            </Link>
          ) : null
        }
      >
        <p className="muted">Where notifications go. Send a test to see what the receiver answers.</p>
      </PageHead>
      <AlertingNav current="/alerts/channels" />
      <Suspense fallback={<CardListSkeleton what="Loading the channels…" />}>
        <ChannelsSection testAction={testChannel} deleteAction={deleteChannel} />
      </Suspense>
    </>
  );
}
