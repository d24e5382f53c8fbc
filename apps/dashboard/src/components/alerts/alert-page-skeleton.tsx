import { PageHeadSkeleton } from '../page-head-skeleton';
import { SkeletonText } from '../skeleton';
import { TimelineSkeleton } from './timeline-skeleton';

/** One line of text each: the diagnosis sentence, three steps; the facts panel's eight rows. */
const DIAGNOSIS_LINES = ['80%', '70%', '75%', '60%'] as const;
const FACT_ROWS = 8;

/** The alert page while the alert loads: its head, both panels and the timeline, in their places. */
export function AlertPageSkeleton() {
  return (
    <div aria-busy="true">
      <PageHeadSkeleton
        titleWidth="12em"
        loading="Loading the alert…"
        back={{ href: '/alerts', label: 'Alerts' }}
      >
        <SkeletonText width="22em" />
      </PageHeadSkeleton>
      <div className="detail-grid" aria-hidden="true">
        <section className="panel">
          <h2>Diagnosis</h2>
          {DIAGNOSIS_LINES.map((width) => (
            <p key={width}>
              <SkeletonText width={width} />
            </p>
          ))}
        </section>
        <section className="panel">
          <h2>Alert</h2>
          {Array.from({ length: FACT_ROWS }, (_, row) => (
            <div key={row}>
              <SkeletonText width="16em" />
            </div>
          ))}
        </section>
      </div>
      <h2>Notifications and delivery attempts</h2>
      <TimelineSkeleton />
    </div>
  );
}
