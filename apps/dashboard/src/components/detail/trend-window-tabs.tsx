import { TREND_WINDOWS, type TrendWindow } from '@ihm/contracts';
import Link from 'next/link';
import { detailHref } from '../../lib/detail-href';

/** The trend windows as links: the window lives in the URL, so a view can be shared and Back works. */
export function TrendWindowTabs({ id, window }: { id: string; window: TrendWindow }) {
  return (
    <nav className="tabs" aria-label="Time window">
      {TREND_WINDOWS.map((value) => (
        <Link
          key={value}
          href={detailHref(id, value)}
          aria-current={value === window ? 'page' : undefined}
          scroll={false}
        >
          {value}
        </Link>
      ))}
    </nav>
  );
}
