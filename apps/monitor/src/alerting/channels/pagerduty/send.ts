import type { ChannelMessage } from '../channel-message';
import type { SendOptions } from '../channel-sender';
import { withoutAnswer, type DeliveryOutcome } from '../delivery-outcome';
import { postJson } from '../post-json';
import { pagerDutyEvent } from './payload';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
const ROUTING_KEY = /^[A-Za-z0-9]{32}$/;

export interface PagerDutyConfig {
  /** The Events API v2 integration key: whoever has it can open incidents, so it is a secret. */
  routingKey: string;
  /** Another enqueue endpoint (PagerDuty's EU service region, a proxy); PagerDuty's own by default. */
  url?: string;
}

/**
 * Enqueues one Events API v2 event; PagerDuty answers 202. A 400 is an event it will never take (the next
 * attempt sends the same one), a 429 comes with `Retry-After`.
 */
export async function sendPagerDuty(
  config: PagerDutyConfig,
  message: ChannelMessage,
  options: SendOptions = {},
): Promise<DeliveryOutcome> {
  if (!ROUTING_KEY.test(config.routingKey)) {
    return withoutAnswer('the routing key is not a 32-character PagerDuty integration key');
  }
  const body = JSON.stringify(pagerDutyEvent(config.routingKey, message));
  const outcome = await postJson(config.url ?? PAGERDUTY_EVENTS_URL, body, {}, options);
  const invalid = outcome.status === 400 ? { error: 'HTTP 400: PagerDuty refused the event as invalid' } : {};
  return { ...outcome, ...invalid };
}
