import type { ChannelMessage } from '../channel-message';
import type { SendOptions } from '../channel-sender';
import type { DeliveryOutcome } from '../delivery-outcome';
import { postJson } from '../post-json';
import { alertmanagerAlerts } from './payload';

export interface AlertmanagerConfig {
  /** Alertmanager's base URL (`http://alertmanager:9093`, or with its `--web.route-prefix` path). */
  url: string;
}

/** POSTs the alerts to Alertmanager's API v2; it answers 200 with an empty body. */
export function sendAlertmanager(
  config: AlertmanagerConfig,
  message: ChannelMessage,
  options: SendOptions = {},
): Promise<DeliveryOutcome> {
  const base = config.url.endsWith('/') ? config.url : `${config.url}/`;
  return postJson(`${base}api/v2/alerts`, JSON.stringify(alertmanagerAlerts(message)), {}, options);
}
