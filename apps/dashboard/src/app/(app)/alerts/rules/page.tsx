import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AlertingNav } from '../../../../components/alerts/alerting-nav';
import { CardListSkeleton } from '../../../../components/alerts/card-list-skeleton';
import { PageHead } from '../../../../components/page-head';
import { RulesSection } from '../../../../components/rules/rules-section';
import { deleteRule } from '../../../alerts/rules/actions';
import { canEdit } from '../../../../lib/can-edit';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Alert rules' };

export default async function RulesPage() {
  return (
    <>
      <PageHead
        title="Alert rules"
        actions={
          (await canEdit()) ? (
            <Link href="/alerts/rules/new" className="button primary">
              Add rule
            </Link>
          ) : null
        }
      >
        <p className="muted">When an integration&apos;s results make an alert, and who hears about it.</p>
      </PageHead>
      <AlertingNav current="/alerts/rules" />
      <Suspense fallback={<CardListSkeleton what="Loading the rules…" />}>
        <RulesSection deleteAction={deleteRule} />
      </Suspense>
    </>
  );
}
