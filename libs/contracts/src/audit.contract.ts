import { z } from 'zod';

/** Who made a change: a signed-in user, an API token (by name), the bootstrap API_TOKEN, or a config file's apply. */
export const AuditActorSchema = z.object({
  kind: z.enum(['user', 'token', 'apiToken', 'configFile']),
  id: z.string().nullable(),
  name: z.string(),
});

/**
 * One change: `integration.created`, `integration.changed`, `integration.paused`, `channel.tested`,
 * `user.changed`, … with the names of the fields it sent (never their values: some are secrets).
 */
export const AuditEventSchema = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actor: AuditActorSchema,
  action: z.string(),
  object: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  fields: z.array(z.string()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  nextBefore: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** The id of the oldest event of the previous page. */
    before: z.string().regex(/^\d+$/, { error: 'must be an event id' }).optional(),
    objectType: z.string().max(40).optional(),
    objectId: z.string().max(100).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
