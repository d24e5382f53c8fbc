import { z } from 'zod';
import { RoleSchema } from './access.contract';

/**
 * `POST /api/session`: a user signs in with email and password and gets a session token; without an email, the
 * first admin (login `admin`, the password ADMIN_PASSWORD sets).
 */
export const SignInRequestSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254, { error: 'email must be at most 254 characters' })
    .transform((email) => email.toLowerCase())
    .optional(),
  password: z
    .string({ error: 'password is required' })
    .min(1, { error: 'password must not be empty' })
    .max(1024, { error: 'password must be at most 1024 characters' }),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** A signed-in session. The token is sent like the API token: `Authorization: Bearer <token>`. */
export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

/** `GET /api/session`: who the caller is, a dashboard session (with its expiry) or an API token, and its role. */
export const WhoAmISchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('session'),
    role: RoleSchema,
    expiresAt: z.string(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  }),
  z.object({ kind: z.literal('apiToken'), role: RoleSchema }),
]);
export type WhoAmI = z.infer<typeof WhoAmISchema>;
