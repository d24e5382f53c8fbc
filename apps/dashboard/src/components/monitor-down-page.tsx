import { AutoRefresh } from './auto-refresh';
import { MonitorDownBanner } from './monitor-down-banner';
import { PageHead } from './page-head';

/** A page whose data the monitor could not give: its title, the banner, and a refresh that recovers by itself. */
export function MonitorDownPage({
  title,
  message,
  refreshMs,
}: {
  title: string;
  message: string;
  refreshMs: number;
}) {
  return (
    <>
      <PageHead
        title={title}
        back={{ href: '/', label: 'Overview' }}
        actions={<AutoRefresh everyMs={refreshMs} retrying />}
      />
      <MonitorDownBanner message={message} />
    </>
  );
}
