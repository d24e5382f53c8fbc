import { z } from 'zod';

const JsonTypeSchema = z.enum(['object', 'array', 'string', 'number', 'boolean', 'null']);

const ShapeChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('type_changed'),
    path: z.string(),
    before: z.array(JsonTypeSchema),
    after: z.array(JsonTypeSchema),
  }),
  z.object({ kind: z.literal('removed'), path: z.string(), before: z.array(JsonTypeSchema) }),
  z.object({ kind: z.literal('added'), path: z.string(), after: z.array(JsonTypeSchema) }),
]);

/** One time the responses broke from their learned shape: what changed, and how it ended. */
export const ShapeDriftEntrySchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  lastSeenAt: z.string(),
  /** Each change in words: "field price changed from number to string". */
  changes: z.array(ShapeChangeSchema.and(z.object({ description: z.string() }))),
  endedAt: z.string().nullable(),
  /** `returned`: the learned shape came back; `changed`: it drifted another way; `accepted`: the new one was accepted. */
  endReason: z.enum(['returned', 'changed', 'accepted']).nullable(),
  acceptedBy: z.string().nullable(),
});
export type ShapeDriftEntry = z.infer<typeof ShapeDriftEntrySchema>;

/**
 * `GET /api/integrations/:id/shape`: what the monitor learned of the integration's healthy responses (no JSON
 * Schema set), and its drifts, newest first. Shapes are paths and types, never values.
 */
export const ShapeReportSchema = z.object({
  learned: z
    .object({
      /** Still learning: changes are reported once `responses` reaches `learningResponses`. */
      learning: z.boolean(),
      responses: z.number().int(),
      learningResponses: z.number().int(),
      since: z.string(),
      fields: z.array(z.object({ path: z.string(), types: z.array(JsonTypeSchema), expected: z.boolean() })),
    })
    .nullable(),
  drifts: z.array(ShapeDriftEntrySchema),
});
export type ShapeReport = z.infer<typeof ShapeReportSchema>;
