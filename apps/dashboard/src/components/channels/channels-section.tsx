import Link from 'next/link';
import { readChannels } from '../../lib/alerting-reads';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { ChannelList, type ChannelActions } from './channel-list';

/** The channels, streamed behind their skeleton; what to do first when there is none. */
export async function ChannelsSection(actions: ChannelActions) {
  const read = await sectionRead(readChannels());
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  if (read.value.items.length === 0) {
    return (
      <div className="empty">
        <h2>No channels yet</h2>
        <p className="muted">
          A channel is where alerts go: a signed webhook, Slack, email, PagerDuty or Alertmanager. Add one,
          send it a test, then pick it in a rule.
        </p>
        <Link href="/alerts/channels/new" className="button primary">
          Add a channel
        </Link>
      </div>
    );
  }
  return <ChannelList channels={read.value.items} now={Date.now()} {...actions} />;
}
