import type { Channel } from '@ihm/contracts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Where a channel sends, from its masked config: never a secret (the Slack URL and the routing key are). */
export function channelTarget(channel: Pick<Channel, 'type' | 'config'>): string {
  const config = channel.config;
  switch (channel.type) {
    case 'webhook':
    case 'alertmanager':
      return text(config.url);
    case 'slack':
      return 'Slack incoming webhook';
    case 'pagerduty':
      return text(config.url) || 'PagerDuty Events API v2';
    case 'email': {
      const to = Array.isArray(config.to) ? config.to.map(String).join(', ') : '';
      return `to ${to} via ${text(config.host)}:${String(config.port ?? '')}`;
    }
  }
}

export const HEALTH_LABELS: Readonly<Record<Channel['health']['state'], string>> = {
  healthy: 'healthy',
  failing: 'failing',
  disabled: 'disabled',
  unused: 'not used yet',
};
