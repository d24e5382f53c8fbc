import { MASKED_SECRET, type Channel } from '@ihm/contracts';

/** The webhook secret the monitor generated for a new channel: in clear in the create's answer only. */
export function generatedSecret(channel: Channel): string | null {
  const secret = channel.config.secret;
  return channel.type === 'webhook' && typeof secret === 'string' && secret !== MASKED_SECRET ? secret : null;
}
