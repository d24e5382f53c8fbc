import type { Channel } from '@ihm/contracts';
import type { ChannelEvidence, ChannelHealthFacts, StoredChannel } from './channel.repository';

/** The newer of two pieces of evidence. */
const newest = (a: ChannelEvidence | null, b: ChannelEvidence | null) => (!a || (b && b.at > a.at) ? b : a);

/**
 * How a channel is doing, from the newest of its last delivery attempt and its last "send test": a channel whose
 * last one failed is `failing` (its notifications keep being retried), one a receiver disabled with 410 is
 * `disabled`, one never tried is `unused`; never silently dropped.
 */
export function channelHealth(
  channel: Pick<StoredChannel, 'disabledReason'>,
  facts: ChannelHealthFacts | undefined,
): Channel['health'] {
  const last = newest(facts?.lastAttempt ?? null, facts?.lastTest ?? null);
  const state = channel.disabledReason ? 'disabled' : !last ? 'unused' : last.ok ? 'healthy' : 'failing';
  return {
    state,
    lastAttemptAt: last?.at.toISOString() ?? null,
    lastError: last && !last.ok ? last.error : null,
    pending: facts?.pending ?? 0,
    disabledReason: channel.disabledReason,
  };
}
