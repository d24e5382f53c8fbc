import { z } from 'zod';
import { CategorySchema, ProbeStatusSchema } from './probe-result.contract';

/** `pending`: registered but not probed yet. */
export const OverviewStatusSchema = z.union([ProbeStatusSchema, z.literal('pending')]);
export type OverviewStatus = z.infer<typeof OverviewStatusSchema>;

export const OverviewItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  paused: z.boolean(),
  tags: z.array(z.string()),
  status: OverviewStatusSchema,
  category: CategorySchema.nullable(),
  message: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  lastCheckedAt: z.string().nullable(),
});
export type OverviewItem = z.infer<typeof OverviewItemSchema>;

export const OverviewSchema = z.object({
  integrations: z.array(OverviewItemSchema),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.record(OverviewStatusSchema, z.number().int()),
    byCategory: z.record(CategorySchema, z.number().int()),
  }),
});
export type Overview = z.infer<typeof OverviewSchema>;
