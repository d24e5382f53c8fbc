import { CATEGORIES, WEBHOOK_SCHEMES, type Category, type ProbeStatus } from '@ihm/diagnosis';
import { z } from 'zod';
import { INTEGRATION_KINDS } from './integration.contract';
import { CategorySchema, ProbeStatusSchema } from './probe-result.contract';

/** `pending`: registered but not probed yet. */
export const OverviewStatusSchema = z.union([ProbeStatusSchema, z.literal('pending')]);
export type OverviewStatus = z.infer<typeof OverviewStatusSchema>;

/**
 * Where an integration is listed: failing and degraded ones under their guide category (in the guide's
 * order), then the ones not probed yet, healthy last.
 */
export const OVERVIEW_GROUPS = [...CATEGORIES, 'pending', 'healthy'] as const;
export const OverviewGroupSchema = z.enum(OVERVIEW_GROUPS);
export type OverviewGroup = z.infer<typeof OverviewGroupSchema>;

/**
 * The group of a probed integration, from its newest result: up, or without a category, is healthy; a failure or
 * a warning is listed under its guide category. (Not probed yet is `pending`.)
 */
export function overviewGroupOf(result: {
  status: ProbeStatus;
  category: Category | null;
}): Exclude<OverviewGroup, 'pending'> {
  return result.status === 'up' || result.category === null ? 'healthy' : result.category;
}

/** Points of the overview's latency sparkline: one per minute of the last hour, oldest first. */
export const SPARKLINE_POINTS = 60;

export const OverviewItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  paused: z.boolean(),
  tags: z.array(z.string()),
  kind: z.enum(INTEGRATION_KINDS),
  /** A webhook integration's signature scheme; null for http ones. */
  webhookScheme: z.enum(WEBHOOK_SCHEMES).nullable(),
  status: OverviewStatusSchema,
  category: CategorySchema.nullable(),
  group: OverviewGroupSchema,
  message: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  lastCheckedAt: z.string().nullable(),
  /** Median total latency per minute of the last hour (SPARKLINE_POINTS values, null where nothing ran). */
  latencySparklineMs: z.array(z.number().nullable()),
});
export type OverviewItem = z.infer<typeof OverviewItemSchema>;

const counts = z.object({
  total: z.number().int(),
  byStatus: z.record(OverviewStatusSchema, z.number().int()),
  byCategory: z.record(CategorySchema, z.number().int()),
});

/**
 * `GET /api/overview`: one page of integrations in group order (group, then name), with counts computed by the
 * database so that the dashboard never loads every integration.
 */
export const OverviewSchema = z.object({
  /** Over every integration, whatever the filters: the category tiles. */
  counts,
  /** How many integrations match the filters, in all and per group (the group headings' numbers). */
  matched: z.object({
    total: z.number().int(),
    byGroup: z.record(OverviewGroupSchema, z.number().int()),
  }),
  /** Every tag in use, sorted: the tag filter's choices. */
  tags: z.array(z.string()),
  integrations: z.array(OverviewItemSchema),
  nextCursor: z.string().nullable(),
});
export type Overview = z.infer<typeof OverviewSchema>;

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const OverviewQuerySchema = z.strictObject({
  /** Case-insensitive substring of the name. */
  q: z.string().trim().max(100, { error: 'q must be at most 100 characters' }).optional(),
  tag: z.string().trim().max(50, { error: 'tag must be at most 50 characters' }).optional(),
  status: OverviewStatusSchema.optional(),
  group: OverviewGroupSchema.optional(),
  paused: flag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
export type OverviewQuery = z.output<typeof OverviewQuerySchema>;
