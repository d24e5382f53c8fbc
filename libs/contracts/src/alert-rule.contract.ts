import { z } from 'zod';
import { wholeNumber } from './whole-number';
import { CategorySchema } from './probe-result.contract';

const int = wholeNumber;

const MINUTES_PER_WEEK = 7 * 24 * 60;

/** What makes a rule fire (DESIGN.md, "Alert rules"); each kind refuses fields of the others. */
export const AlertConditionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('consecutiveFailures'),
      count: int('count', 1, 100).default(3),
      recoverCount: int('recoverCount', 1, 100).default(1),
    }),
    z.strictObject({
      type: z.literal('failureRatio'),
      percent: int('percent', 1, 100),
      windowMinutes: int('windowMinutes', 1, 1440),
    }),
    z.strictObject({
      type: z.literal('latencyP95'),
      thresholdMs: int('thresholdMs', 1, 600_000),
      windowMinutes: int('windowMinutes', 1, 1440),
    }),
    z.strictObject({ type: z.literal('rateLimitBudget'), belowPercent: int('belowPercent', 1, 99) }),
    z.strictObject({ type: z.literal('expiry'), withinDays: int('withinDays', 1, 365) }),
    z.strictObject({ type: z.literal('budgetForecast') }),
  ],
  {
    error:
      'condition.type must be one of: consecutiveFailures, failureRatio, latencyP95, rateLimitBudget, expiry, budgetForecast',
  },
);
export type AlertCondition = z.output<typeof AlertConditionSchema>;

const distinct = <T>(items: T[]) => new Set(items).size === items.length;

/** Which integrations and failures a rule covers: listed ids or tags (either), narrowed to the categories. */
export const AlertScopeSchema = z.strictObject({
  integrationIds: z
    .array(z.uuid({ error: 'must be an integration id' }))
    .max(1000)
    .refine(distinct, { error: 'integration ids must not repeat' })
    .optional(),
  tags: z
    .array(z.string().trim().min(1).max(50))
    .max(20)
    .refine(distinct, { error: 'tags must not repeat' })
    .optional(),
  categories: z.array(CategorySchema).refine(distinct, { error: 'categories must not repeat' }).optional(),
});

/** The fields of a rule and their rules, without defaults: shared by create and update. */
const AlertRuleFields = {
  name: z
    .string({ error: 'name is required' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(100, { error: 'name must be at most 100 characters' }),
  condition: AlertConditionSchema,
  scope: AlertScopeSchema,
  minSeverity: z.enum(['degraded', 'down'], { error: 'minSeverity must be degraded or down' }),
  channelIds: z
    .array(z.uuid({ error: 'must be a channel id' }))
    .max(50)
    .refine(distinct, { error: 'channel ids must not repeat' }),
  /** Minutes between reminders of a firing, unacknowledged alert; null: no reminders. */
  renotifyMinutes: int('renotifyMinutes', 1, MINUTES_PER_WEEK).nullable(),
};

/**
 * Failure counts and ratios count `down` results by default; the other conditions are warnings that hold while
 * the integration still works (slow, budget low, expiry near), so they default to `degraded`.
 */
const defaultSeverity = (condition: AlertCondition): 'degraded' | 'down' =>
  condition.type === 'consecutiveFailures' || condition.type === 'failureRatio' ? 'down' : 'degraded';

/** Latency is never a failure, and a forecast is only ever a warning: `down` would make the rule never fire. */
const NEVER_DOWN: readonly AlertCondition['type'][] = ['latencyP95', 'budgetForecast'];

export const AlertRuleRequestSchema = z
  .strictObject({
    ...AlertRuleFields,
    scope: AlertRuleFields.scope.default({}),
    minSeverity: AlertRuleFields.minSeverity.optional(),
    channelIds: AlertRuleFields.channelIds.default([]),
    renotifyMinutes: AlertRuleFields.renotifyMinutes.default(240),
  })
  .superRefine((rule, ctx) => {
    if (rule.minSeverity === 'down' && NEVER_DOWN.includes(rule.condition.type))
      ctx.addIssue({
        code: 'custom',
        path: ['minSeverity'],
        message: `a ${rule.condition.type} rule only sees degraded results: use minSeverity degraded`,
      });
  })
  .transform((rule) => ({ ...rule, minSeverity: rule.minSeverity ?? defaultSeverity(rule.condition) }));
export type AlertRuleRequest = z.input<typeof AlertRuleRequestSchema>;
export type AlertRuleDefinition = z.output<typeof AlertRuleRequestSchema>;

/** A change: only the fields sent; the merged rule is checked again as a whole. */
export const AlertRulePatchSchema = z.strictObject(AlertRuleFields).partial();
export type AlertRulePatch = z.output<typeof AlertRulePatchSchema>;

export const AlertRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  condition: AlertConditionSchema,
  scope: AlertScopeSchema,
  minSeverity: z.enum(['degraded', 'down']),
  channelIds: z.array(z.string()),
  renotifyMinutes: z.number().int().nullable(),
  /** The config file that manages it (config as code); edits through the API are refused while set. */
  managedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertRuleListSchema = z.object({ items: z.array(AlertRuleSchema) });
export type AlertRuleList = z.infer<typeof AlertRuleListSchema>;
