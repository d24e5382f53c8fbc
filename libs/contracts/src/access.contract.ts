import { z } from 'zod';

/** What a caller may do, lowest first: viewers read, editors change integrations, rules, channels and silences, admins everything. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { error: 'must be viewer, editor or admin' });

/** Whether `role` includes everything `needed` may do. */
export const roleAtLeast = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** The prefix of every API token the monitor issues (`ihm_…`), so a leaked one is recognisable. */
export const API_TOKEN_PREFIX = 'ihm_';

/** A token's or a user's name, as people read it in lists. */
const NameSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' });

export const CreateApiTokenRequestSchema = z
  .object({
    name: NameSchema,
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

const password = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .min(8, { error: 'must be at least 8 characters' })
    .max(1024, { error: 'must be at most 1024 characters' });

/** `active` signs in; `invited` has a pending one-time link; `disabled` signs in no more (sessions and tokens end). */
export const UserStateSchema = z.enum(['active', 'invited', 'disabled']);

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  state: UserStateSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;

/** Without a password the user is invited: the answer carries a one-time link, valid for 7 days. */
export const CreateUserRequestSchema = z
  .object({
    email: z
      .email({ error: 'must be an email address' })
      .max(254)
      .transform((email) => email.toLowerCase()),
    name: NameSchema,
    role: RoleSchema,
    password: password('password').optional(),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const CreatedUserSchema = UserSchema.extend({
  invite: z.object({ url: z.string(), expiresAt: z.iso.datetime({ offset: true }) }).nullable(),
});
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

export const UpdateUserRequestSchema = z
  .object({
    name: NameSchema.optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'give name, role or disabled' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const AcceptInviteRequestSchema = z.object({ password: password('password') }).strict();
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequestSchema>;

export const ChangePasswordRequestSchema = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: password('newPassword') })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
