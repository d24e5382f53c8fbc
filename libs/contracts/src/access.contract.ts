import { z } from 'zod';

/** What a caller may do, lowest first: viewers read, editors change integrations, rules, channels and silences, admins everything. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { error: 'must be viewer, editor or admin' });

/** Whether `role` includes everything `needed` may do. */
export const roleAtLeast = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** The prefix of every API token the monitor issues (`ihm_…`), so a leaked one is recognisable. */
export const API_TOKEN_PREFIX = 'ihm_';

export const CreateApiTokenRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(100, { error: 'must be at most 100 characters' }),
    role: RoleSchema,
    expiresAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO-8601 date and time' })
      .nullable()
      .default(null),
  })
  .strict();
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

/** A token as listed: never its secret, only the first characters that tell it apart. */
export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** The answer to creating a token: the token itself, shown this once. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;
