import type { TrendWindow } from '@ihm/contracts';
import Link from 'next/link';
import { detailHref } from '../../lib/detail-href';
import { readResultsPage } from '../../lib/integration-reads';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { DeliveriesTable } from './deliveries-table';
import { ResultsTable } from './results-table';

interface RecentResultsProps {
  id: string;
  window: TrendWindow;
  before: string | undefined;
  /** A webhook's results are its deliveries: shown with their verdicts and payloads. */
  deliveries?: boolean;
}

/** One page of results, with links to the newest page and to older ones; the window stays in the links. */
export async function RecentResults({ id, window, before, deliveries }: RecentResultsProps) {
  const read = await sectionRead(readResultsPage(id, before));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const page = read.value;
  return (
    <>
      {deliveries ? <DeliveriesTable results={page.items} /> : <ResultsTable results={page.items} />}
      <nav className="pager" aria-label="Result pages">
        {before ? (
          <Link href={detailHref(id, window)} className="button">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={detailHref(id, window, page.nextCursor)} className="button">
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
