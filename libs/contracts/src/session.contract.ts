import { z } from 'zod';
import { RoleSchema } from './access.contract';

/** `POST /api/session`: the dashboard signs the admin in with the password and gets a session token. */
export const SignInRequestSchema = z.strictObject({
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
  z.object({ kind: z.literal('session'), role: RoleSchema, expiresAt: z.string() }),
  z.object({ kind: z.literal('apiToken'), role: RoleSchema }),
]);
export type WhoAmI = z.infer<typeof WhoAmISchema>;
