import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AlertingNav } from '../../../../components/alerts/alerting-nav';
import { CardListSkeleton } from '../../../../components/alerts/card-list-skeleton';
import { PageHead } from '../../../../components/page-head';
import { SilencesSection } from '../../../../components/silences/silences-section';
import { deleteSilence } from '../../../alerts/silences/actions';
import { canEdit } from '../../../../lib/can-edit';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Silences' };

export default async function SilencesPage() {
  return (
    <>
      <PageHead
        title="Silences"
        actions={
          (await canEdit()) ? (
            <Link href="/alerts/silences/new" className="button primary">
              Add silence
            </Link>
          ) : null
        }
      >
        <p className="muted">Maintenance windows: nothing is sent for what they cover while they hold.</p>
      </PageHead>
      <AlertingNav current="/alerts/silences" />
      <Suspense fallback={<CardListSkeleton what="Loading the silences…" />}>
        <SilencesSection deleteAction={deleteSilence} />
      </Suspense>
    </>
  );
}
