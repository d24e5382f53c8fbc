import type { Channel } from '@ihm/contracts';
import type { ChannelHealthFacts, StoredChannel } from './channel.repository';

/**
 * How a channel is doing, from its last attempt: a channel whose last delivery failed is `failing` (and its
 * notifications keep being retried), one a receiver disabled with 410 is `disabled`; never silently dropped.
 */
export function channelHealth(
  channel: Pick<StoredChannel, 'disabledReason'>,
  facts: ChannelHealthFacts | undefined,
): Channel['health'] {
  const state = channel.disabledReason
    ? 'disabled'
    : !facts?.lastAttemptAt
      ? 'unused'
      : facts.lastOutcome === 'delivered'
        ? 'healthy'
        : 'failing';
  return {
    state,
    lastAttemptAt: facts?.lastAttemptAt?.toISOString() ?? null,
    lastError: facts?.lastOutcome === 'delivered' ? null : (facts?.lastError ?? null),
    pending: facts?.pending ?? 0,
    disabledReason: channel.disabledReason,
  };
}
