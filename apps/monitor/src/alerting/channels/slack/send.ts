import type { ChannelMessage } from '../channel-message';
import type { SendOptions } from '../channel-sender';
import type { DeliveryOutcome } from '../delivery-outcome';
import { postJson } from '../post-json';
import { slackPayload } from './payload';

export interface SlackConfig {
  /** The incoming webhook's URL: whoever has it can post, so it is a secret. */
  webhookUrl: string;
}

/**
 * Slack's answers that mean the webhook will never work again: a 404 (the webhook or its app was removed), and
 * `invalid_token` whatever the status (the user who installed it was deactivated).
 */
function revoked({ status, responseExcerpt }: DeliveryOutcome): boolean {
  return status === 404 || (status !== null && status >= 400 && responseExcerpt?.trim() === 'invalid_token');
}

export async function sendSlack(
  config: SlackConfig,
  message: ChannelMessage,
  options: SendOptions = {},
): Promise<DeliveryOutcome> {
  const outcome = await postJson(config.webhookUrl, JSON.stringify(slackPayload(message)), {}, options);
  return { ...outcome, gone: outcome.gone || revoked(outcome) };
}
