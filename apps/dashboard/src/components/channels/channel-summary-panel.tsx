import type { Channel, ChannelTestResult } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { channelTarget } from '../../lib/channel-summary';
import { formatDateTime } from '../../lib/format';
import { CHANNEL_TYPE_LABELS } from '../channel-form/channel-inputs';
import { ChannelHealth } from './channel-health';
import { SendTestButton } from './send-test-button';

interface ChannelSummaryPanelProps {
  channel: Channel;
  now: number;
  testAction(): Promise<ActionResult<ChannelTestResult>>;
}

/** The channel's page head panel: its type, where it sends, its health, and a test with the answer inline. */
export function ChannelSummaryPanel({ channel, now, testAction }: ChannelSummaryPanelProps) {
  return (
    <section className="panel channel-summary" aria-labelledby="channel-summary-heading">
      <h2 id="channel-summary-heading">Channel</h2>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{CHANNEL_TYPE_LABELS[channel.type]}</dd>
        <dt>Sends to</dt>
        <dd>
          <code>{channelTarget(channel)}</code>
        </dd>
        <dt>Health</dt>
        <dd>
          <ChannelHealth health={channel.health} now={now} />
        </dd>
        <dt>Changed</dt>
        <dd>
          <time dateTime={channel.updatedAt}>{formatDateTime(channel.updatedAt)}</time>
        </dd>
      </dl>
      <div className="row card-actions">
        <SendTestButton channelName={channel.name} testAction={testAction} />
      </div>
    </section>
  );
}
