import type { ChannelMessage } from '../channel-message';
import type { SendOptions } from '../channel-sender';
import { withoutAnswer, type DeliveryOutcome } from '../delivery-outcome';
import { postJson } from '../post-json';
import { webhookPayload } from './payload';
import { isWebhookSecret, signWebhook } from './sign';

export interface WebhookConfig {
  url: string;
  /** `whsec_…`: signs every delivery. */
  secret: string;
}

/** POSTs the notification body, signed per Standard Webhooks with `message.id` as the `webhook-id`. */
export async function sendWebhook(
  config: WebhookConfig,
  message: ChannelMessage,
  options: SendOptions = {},
): Promise<DeliveryOutcome> {
  if (!isWebhookSecret(config.secret)) return withoutAnswer('the channel secret is not a whsec_ secret');
  const now = options.now ?? new Date();
  const body = JSON.stringify(webhookPayload(message));
  return postJson(config.url, body, signWebhook(config.secret, message.id, now, body), { ...options, now });
}
