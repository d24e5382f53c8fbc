import type { CloseReason } from '@ihm/diagnosis';
import type {
  ChannelIntegration,
  ChannelMessage,
  ChannelMessageType,
  FiringReason,
} from '../channel-message';

/** The webhook channel's JSON body, as DESIGN.md's "Notification bodies" states it; times are ISO-8601. */
export interface WebhookPayload {
  type: ChannelMessageType;
  /** Why it fires again (`renotify`, `category_changed`), or why it resolved without working again. */
  reason?: FiringReason | CloseReason;
  /** With `reason: "category_changed"`: the category it had until now. */
  previousCategory?: ChannelMessage['alert']['category'];
  /** When the event happened (Standard Webhooks' `timestamp`); the attempt's time is in `webhook-timestamp`. */
  timestamp: string;
  alert: {
    id: string;
    rule: { id: string; name: string };
    state: 'pending' | 'firing' | 'resolved';
    category: ChannelMessage['alert']['category'];
    severity: 'degraded' | 'down';
    message: string;
    troubleshooting: string[];
    startedAt: string;
    resolvedAt: string | null;
    flapping: boolean;
  };
  summary: string;
  integrations: ChannelIntegration[];
  url: string;
}

export function webhookPayload(message: ChannelMessage): WebhookPayload {
  const { alert } = message;
  return {
    type: message.type,
    ...((message.type === 'alert.firing' || message.type === 'alert.resolved') && message.reason
      ? { reason: message.reason }
      : {}),
    ...(message.type === 'alert.firing' && message.reason === 'category_changed'
      ? { previousCategory: message.previousCategory }
      : {}),
    timestamp: message.at.toISOString(),
    alert: {
      id: alert.id,
      rule: { id: alert.rule.id, name: alert.rule.name },
      state: alert.state,
      category: alert.category,
      severity: alert.severity,
      message: alert.message,
      troubleshooting: [...alert.troubleshooting],
      startedAt: alert.startedAt.toISOString(),
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
      flapping: alert.flapping,
    },
    summary: message.summary,
    integrations: message.integrations.map(({ id, name, category, message: text }) => ({
      id,
      name,
      category,
      message: text,
    })),
    url: message.url,
  };
}
