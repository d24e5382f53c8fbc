import { CHANNEL_SECRET_FIELDS } from '@ihm/contracts';
import { textRedaction } from '@ihm/probe';
import { sendAlertmanager, type AlertmanagerConfig } from './alertmanager/send';
import type { ChannelMessage } from './channel-message';
import type { ChannelSender, SendOptions } from './channel-sender';
import type { DeliveryOutcome } from './delivery-outcome';
import { sendEmail, type EmailConfig } from './email/send';
import { sendPagerDuty, type PagerDutyConfig } from './pagerduty/send';
import { sendSlack, type SlackConfig } from './slack/send';
import { sendWebhook, type WebhookConfig } from './webhook/send';

export interface ChannelConfigs {
  webhook: WebhookConfig;
  slack: SlackConfig;
  email: EmailConfig;
  alertmanager: AlertmanagerConfig;
  pagerduty: PagerDutyConfig;
}

export type ChannelType = keyof ChannelConfigs;

/** A channel as a sender needs it: its type and that type's config. */
export type ChannelTarget<T extends ChannelType = ChannelType> = {
  [K in T]: { type: K; config: ChannelConfigs[K] };
}[T];

/** One sender per channel type; a new channel is a folder and a line here. */
export const channelSenders: { readonly [T in ChannelType]: ChannelSender<ChannelConfigs[T]> } = {
  webhook: sendWebhook,
  slack: sendSlack,
  email: sendEmail,
  alertmanager: sendAlertmanager,
  pagerduty: sendPagerDuty,
};

/**
 * Sends through the channel's own sender, its config typed by its type. What the receiver answered is shown and
 * stored, and a receiver (or a proxy) may quote the request back: the channel's secrets are taken out of it.
 */
export async function sendToChannel<T extends ChannelType>(
  channel: ChannelTarget<T>,
  message: ChannelMessage,
  options?: SendOptions,
): Promise<DeliveryOutcome> {
  const outcome = await channelSenders[channel.type](channel.config, message, options);
  const config = channel.config as unknown as Record<string, unknown>;
  const redact = textRedaction(
    CHANNEL_SECRET_FIELDS[channel.type].flatMap((field) =>
      typeof config[field] === 'string' ? [config[field]] : [],
    ),
  );
  return {
    ...outcome,
    error: outcome.error === null ? null : redact(outcome.error),
    responseExcerpt: outcome.responseExcerpt === null ? null : redact(outcome.responseExcerpt),
  };
}
