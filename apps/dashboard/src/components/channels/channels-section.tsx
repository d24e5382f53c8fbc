import { readChannels } from '../../lib/alerting-reads';
import { sectionRead } from '../../lib/section-read';
import { EmptyState } from '../empty-state';
import { SectionUnavailable } from '../section-unavailable';
import { ChannelList, type ChannelActions } from './channel-list';
import { canEdit } from '../../lib/can-edit';

/** The channels, streamed behind their skeleton; what to do first when there is none. */
export async function ChannelsSection(actions: ChannelActions) {
  const read = await sectionRead(readChannels());
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  if (read.value.items.length === 0) {
    return (
      <EmptyState
        title="No channels yet"
        action={
          (await canEdit())
            ? { href: '/alerts/channels/new', label: 'Add a channel', primary: true }
            : undefined
        }
      >
        A channel is where alerts go: a signed webhook, Slack, email, PagerDuty or Alertmanager. Add one, send
        it a test, then pick it in a rule.
      </EmptyState>
    );
  }
  return <ChannelList channels={read.value.items} now={Date.now()} {...((await canEdit()) ? actions : {})} />;
}
