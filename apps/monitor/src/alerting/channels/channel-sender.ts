import type { OutboundPolicy } from '@ihm/probe';
import type { ChannelMessage } from './channel-message';
import type { DeliveryOutcome } from './delivery-outcome';

export interface SendOptions {
  /** Aborts the attempt (shutdown); it then ends as an outcome like any failure. */
  signal?: AbortSignal;
  /** The attempt's time: the signature's timestamp, and the origin of a `Retry-After` date. */
  now?: Date;
  /** The whole attempt's deadline, answer included. */
  timeoutMs?: number;
  /** Where the channel may connect; public addresses only unless given. */
  outbound?: OutboundPolicy;
}

/** Delivers one message to one channel: a single HTTP call, resolved with its outcome, never rejected. */
export type ChannelSender<Config> = (
  config: Config,
  message: ChannelMessage,
  options?: SendOptions,
) => Promise<DeliveryOutcome>;
