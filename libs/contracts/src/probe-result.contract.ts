import { CATEGORIES, PROBE_STATUSES } from '@ihm/diagnosis';
import { z } from 'zod';
import { DeliveryEvidenceSchema } from './webhook.contract';

export const ProbeStatusSchema = z.enum(PROBE_STATUSES);
export const CategorySchema = z.enum(CATEGORIES);

const ms = z.number().nonnegative().nullable();

export const TimingsSchema = z.object({
  dnsMs: ms,
  connectMs: ms,
  tlsMs: ms,
  ttfbMs: ms,
  totalMs: ms,
});
export type Timings = z.infer<typeof TimingsSchema>;

export const RateLimitSchema = z.object({
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  resetAt: z.string().nullable(),
  retryAfterSeconds: z.number().nullable(),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

export const SchemaErrorSchema = z.object({ path: z.string(), message: z.string() });
export type SchemaError = z.infer<typeof SchemaErrorSchema>;

export const TlsInfoSchema = z.object({
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type TlsInfo = z.infer<typeof TlsInfoSchema>;

export const EvidenceSchema = z.object({
  responseHeaders: z.record(z.string(), z.string()),
  bodyExcerpt: z.string().nullable(),
  /** For a webhook integration's result: the delivery as received, redacted. */
  delivery: DeliveryEvidenceSchema.optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One probe of one integration: what happened, what kind of failure it is, and what to do. */
export const ProbeResultSchema = z.object({
  integrationId: z.string().nullable(),
  startedAt: z.string(),
  status: ProbeStatusSchema,
  category: CategorySchema.nullable(),
  httpStatus: z.number().int().nullable(),
  message: z.string(),
  timings: TimingsSchema,
  rateLimit: RateLimitSchema.nullable(),
  schemaErrors: z.array(SchemaErrorSchema),
  tls: TlsInfoSchema.nullable(),
  /** When the configured bearer token expires (its JWT `exp`); null when the credential carries no expiry. */
  tokenExpiresAt: z.string().nullable(),
  evidence: EvidenceSchema.nullable(),
  troubleshooting: z.array(z.string()),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const ProbeResultPageSchema = z.object({
  items: z.array(ProbeResultSchema),
  nextCursor: z.string().nullable(),
});
export type ProbeResultPage = z.infer<typeof ProbeResultPageSchema>;

export const ResultsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^\d+_\d+$/, { error: 'must be the nextCursor of a previous page' })
    .optional(),
});
export type ResultsQuery = z.output<typeof ResultsQuerySchema>;
