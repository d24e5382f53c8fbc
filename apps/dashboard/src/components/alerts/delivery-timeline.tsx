import { alertTimeline } from '../../lib/alert-timeline';
import { namer } from '../../lib/namer';
import { readAlert, readChannels } from '../../lib/alerting-reads';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { TimelineTable } from './timeline-table';

/** The alert's timeline with its channels named: streamed, as the channels are a read of their own. */
export async function DeliveryTimeline({ id }: { id: string }) {
  const read = await sectionRead(Promise.all([readAlert(id), readChannels()]));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const [alert, channels] = read.value;
  const entries = alertTimeline(alert, namer(channels.items, 'a deleted channel'));
  const why = alert.state === 'pending' ? 'a pending alert sends none yet' : 'its rule has no channel';
  return (
    <>
      {alert.deliveries.length === 0 ? <p className="muted">No notification was sent: {why}.</p> : null}
      <TimelineTable entries={entries} />
    </>
  );
}
