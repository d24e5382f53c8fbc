import type { Channel } from '@ihm/contracts';
import { HEALTH_LABELS } from '../../lib/channel-summary';
import { formatCount } from '../../lib/format';
import { TimeAgo } from '../alerts/time-ago';

/** The channel's health badge and what explains it: last attempt, its error, what waits, why it is off. */
export function ChannelHealth({ health, now }: { health: Channel['health']; now: number }) {
  return (
    <div className="channel-health">
      <span className={`health ${health.state}`}>{HEALTH_LABELS[health.state]}</span>
      {health.lastAttemptAt ? (
        <span className="muted">
          last attempt <TimeAgo iso={health.lastAttemptAt} now={now} />
        </span>
      ) : null}
      {health.pending > 0 ? (
        <span className="muted">{formatCount(health.pending, 'notification')} waiting</span>
      ) : null}
      {health.disabledReason ? (
        <p className="field-error">
          Disabled: {health.disabledReason}. Edit the channel to turn it on again.
        </p>
      ) : null}
      {health.lastError ? <p className="field-error">Last error: {health.lastError}</p> : null}
    </div>
  );
}
