import { z } from 'zod';
import { CategorySchema } from './probe-result.contract';

export const ALERT_STATES = ['pending', 'firing', 'resolved'] as const;
export const AlertStateSchema = z.enum(ALERT_STATES, { error: 'state must be pending, firing or resolved' });

/**
 * `delivered` and `failed` are attempts; `queued` is a notification not tried yet (its group wait or its turn);
 * `held` is one a silence keeps back, for no channel yet.
 */
export const DELIVERY_OUTCOMES = ['delivered', 'failed', 'queued', 'held'] as const;

/** One attempt to hand a notification to a channel, or a notification waiting for its first. */
export const DeliverySchema = z.object({
  /** Null for a held notification: it goes to the rule's channels when its silence is over. */
  channelId: z.string().nullable(),
  /** Null for a held notification, or once the channel is deleted. */
  channelName: z.string().nullable(),
  /** The notification's idempotency key (`webhook-id`): an attempt's retries share it. Null while held. */
  messageId: z.string().nullable(),
  at: z.string(),
  kind: z.string(),
  outcome: z.enum(DELIVERY_OUTCOMES),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const AlertSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  integrationId: z.string(),
  integrationName: z.string(),
  state: AlertStateSchema,
  category: CategorySchema,
  severity: z.enum(['degraded', 'down']),
  message: z.string(),
  troubleshooting: z.array(z.string()),
  flapping: z.boolean(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  startedAt: z.string(),
  firedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** An alert with what happened to it: each notification it caused and each attempt to deliver one. */
export const AlertDetailSchema = AlertSchema.extend({ deliveries: z.array(DeliverySchema) });
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

export const AlertListQuerySchema = z.strictObject({
  state: AlertStateSchema.optional(),
  integrationId: z.uuid({ error: 'integrationId must be an integration id' }).optional(),
  category: CategorySchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertListQuery = z.output<typeof AlertListQuerySchema>;

export const AlertListSchema = z.object({
  items: z.array(AlertSchema),
  /** How many alerts are in each state under the query's other filters, whatever its limit. */
  counts: z.object({ pending: z.number().int(), firing: z.number().int(), resolved: z.number().int() }),
});
export type AlertList = z.infer<typeof AlertListSchema>;
