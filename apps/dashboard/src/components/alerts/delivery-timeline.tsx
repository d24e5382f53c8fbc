import { alertTimeline } from '../../lib/alert-timeline';
import { readAlert } from '../../lib/alerting-reads';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { TimelineTable } from './timeline-table';

/** The alert's timeline with every delivery attempt: streamed. */
export async function DeliveryTimeline({ id }: { id: string }) {
  const read = await sectionRead(readAlert(id));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const alert = read.value;
  const entries = alertTimeline(alert);
  const why = alert.state === 'pending' ? 'a pending alert sends none yet' : 'its rule has no channel';
  return (
    <>
      {alert.deliveries.length === 0 ? <p className="muted">No notification was sent: {why}.</p> : null}
      <TimelineTable entries={entries} />
    </>
  );
}
