import Link from 'next/link';
import { formatNumber } from '../../lib/format';
import { monitorApi } from '../../lib/monitor-api';
import { sectionRead } from '../../lib/section-read';
import { LoadingText, SkeletonText } from '../skeleton';

/** Firing alerts counted at most: past it the head says "500+", the Alerts page lists them. */
const COUNTED = 500;

/** The overview head's count of firing alerts, a link to them; streamed, so the overview does not wait. */
export async function FiringAlertsLink() {
  const read = await sectionRead(monitorApi.alerts({ state: 'firing', limit: COUNTED }));
  if (!read.ok) return <span className="muted">alerts unknown</span>;
  const count = read.value.items.length;
  const text = `${count >= COUNTED ? `${formatNumber(COUNTED)}+` : formatNumber(count)} ${count === 1 ? 'alert' : 'alerts'} firing`;
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
