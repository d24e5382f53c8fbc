import Link from 'next/link';
import { formatNumber } from '../../lib/format';
import { monitorApi } from '../../lib/monitor-api';
import { sectionRead } from '../../lib/section-read';
import { LoadingText, SkeletonText } from '../skeleton';

/** The overview head's count of firing alerts, a link to them; streamed, so the overview does not wait. */
export async function FiringAlertsLink() {
  // One alert is enough to read: the API counts them all.
  const read = await sectionRead(monitorApi.alerts({ state: 'firing', limit: 1 }));
  if (!read.ok) return <span className="muted">alerts unknown</span>;
  const count = read.value.counts.firing;
  const text = `${formatNumber(count)} ${count === 1 ? 'alert' : 'alerts'} firing`;
  return (
    <Link href="/alerts?state=firing" className={count > 0 ? 'firing-link firing' : 'firing-link'}>
      {text}
    </Link>
  );
}

export function FiringAlertsLinkSkeleton() {
  return (
    <span aria-busy="true">
      <SkeletonText width="7em" />
      <LoadingText>Loading the firing alerts…</LoadingText>
    </span>
  );
}
