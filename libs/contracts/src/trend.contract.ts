import { LATENCY_PHASES } from '@ihm/diagnosis';
import { z } from 'zod';

export const TREND_WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export const TrendWindowSchema = z.enum(TREND_WINDOWS, {
  error: `window must be one of: ${TREND_WINDOWS.join(', ')}`,
});
export type TrendWindow = z.infer<typeof TrendWindowSchema>;

export const TrendQuerySchema = z.strictObject({ window: TrendWindowSchema.default('24h') });
export type TrendQuery = z.output<typeof TrendQuerySchema>;

const byPhase = z.object(
  Object.fromEntries(LATENCY_PHASES.map((phase) => [phase, z.number().nullable()])) as Record<
    (typeof LATENCY_PHASES)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);

export const TrendPointSchema = z.object({
  at: z.string(),
  probes: z.number().int(),
  failures: z.number().int(),
  degraded: z.number().int(),
  /** Share of probes that were not `down`; null for a bucket without probes. */
  successRate: z.number().nullable(),
  latencyP50Ms: byPhase,
  latencyP95Ms: byPhase,
  latencyMaxMs: byPhase,
  rateLimitRemaining: z.number().int().nullable(),
  rateLimitLimit: z.number().int().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const TrendSchema = z.object({
  integrationId: z.string(),
  window: TrendWindowSchema,
  bucketSeconds: z.number().int(),
  points: z.array(TrendPointSchema),
});
export type Trend = z.infer<typeof TrendSchema>;
