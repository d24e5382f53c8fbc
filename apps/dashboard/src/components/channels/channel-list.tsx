import type { Channel, ChannelTestResult } from '@ihm/contracts';
import Link from 'next/link';
import type { ActionResult } from '../../lib/action-result';
import { channelHref } from '../../lib/channel-href';
import { channelTarget } from '../../lib/channel-summary';
import { CHANNEL_TYPE_LABELS } from '../channel-form/channel-inputs';
import { CardActions } from '../card-actions';
import { ManagedByFileBadge } from '../managed-by-file';
import { ChannelHealth } from './channel-health';
import { SendTestButton } from './send-test-button';

export interface ChannelActions {
  testAction(channelId: string): Promise<ActionResult<ChannelTestResult>>;
  deleteAction(channelId: string): Promise<ActionResult<null>>;
}

interface ChannelListProps extends Partial<ChannelActions> {
  channels: readonly Channel[];
  now: number;
}

/**
 * Each channel as a card: its name leading to its page, type, where it sends, health; test, edit, delete (given
 * the actions: not for a viewer).
 */
export function ChannelList({ channels, now, testAction, deleteAction }: ChannelListProps) {
  return (
    <ul className="cards" aria-label="Channels">
      {channels.map((channel) => (
        <li key={channel.id} className={`panel card channel-card ${channel.health.state}`}>
          <div className="row">
            <h2 className="card-title">
              <Link href={channelHref(channel.id)}>{channel.name}</Link>
            </h2>
            <span className="chip">{CHANNEL_TYPE_LABELS[channel.type]}</span>
            {channel.managedBy ? <ManagedByFileBadge file={channel.managedBy} /> : null}
          </div>
          <p className="card-target">
            <code>{channelTarget(channel)}</code>
          </p>
          <ChannelHealth health={channel.health} now={now} />
          {testAction && deleteAction ? (
            <CardActions
              editHref={`/alerts/channels/${encodeURIComponent(channel.id)}/edit`}
              name={channel.name}
              what="the channel"
              consequence="Rules stop sending to it."
              deleteAction={deleteAction.bind(null, channel.id)}
              managedBy={channel.managedBy}
            >
              <SendTestButton channelName={channel.name} testAction={testAction.bind(null, channel.id)} />
            </CardActions>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
