import { z } from 'zod';
import { HttpUrlSchema } from './http-url';

/** What the API returns in place of a stored secret. Sending it back on update keeps the stored value. */
export const MASKED_SECRET = '********';

const secret = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .min(1, { error: `${what} must not be empty` })
    .max(8192, { error: `${what} must be at most 8192 characters` });

const nonEmpty = (what: string, max = 256) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must be at most ${max} characters` });

export const NoAuthSchema = z.strictObject({ type: z.literal('none') });

export const ApiKeyAuthSchema = z.strictObject({
  type: z.literal('apiKey'),
  in: z.enum(['header', 'query'], { error: 'must be "header" or "query"' }),
  name: nonEmpty('name', 128).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, {
    error: 'must be a valid header or query parameter name',
  }),
  value: secret('value'),
});

export const BearerAuthSchema = z.strictObject({
  type: z.literal('bearer'),
  token: secret('token'),
});

export const BasicAuthSchema = z.strictObject({
  type: z.literal('basic'),
  username: nonEmpty('username'),
  password: secret('password'),
});

export const OAuth2ClientCredentialsAuthSchema = z.strictObject({
  type: z.literal('oauth2ClientCredentials'),
  tokenUrl: HttpUrlSchema,
  clientId: nonEmpty('clientId'),
  clientSecret: secret('clientSecret'),
  scope: z.string().trim().max(1024).optional(),
  /**
   * How the client authenticates at the token URL (RFC 6749 §2.3.1): HTTP Basic (`client_secret_basic`, when
   * absent) or `client_id` and `client_secret` in the form body (`client_secret_post`).
   */
  clientAuthentication: z
    .enum(['client_secret_basic', 'client_secret_post'], {
      error: 'clientAuthentication must be client_secret_basic or client_secret_post',
    })
    .optional(),
});

export const AUTH_TYPES = ['none', 'apiKey', 'bearer', 'basic', 'oauth2ClientCredentials'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const AuthSchema = z.discriminatedUnion(
  'type',
  [NoAuthSchema, ApiKeyAuthSchema, BearerAuthSchema, BasicAuthSchema, OAuth2ClientCredentialsAuthSchema],
  { error: `type must be one of: ${AUTH_TYPES.join(', ')}` },
);
export type Auth = z.infer<typeof AuthSchema>;

/** Which fields of each auth type are secrets: encrypted at rest, masked on the way out. */
export const AUTH_SECRET_FIELDS = {
  none: [],
  apiKey: ['value'],
  bearer: ['token'],
  basic: ['password'],
  oauth2ClientCredentials: ['clientSecret'],
} as const satisfies Record<AuthType, readonly string[]>;
