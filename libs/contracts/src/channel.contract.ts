import { z } from 'zod';
import { MASKED_SECRET } from './auth.contract';
import { HttpUrlSchema } from './http-url';
import { wholeNumber } from './whole-number';

const name = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, { error: 'name must not be empty' })
  .max(100, { error: 'name must be at most 100 characters' });

/** A Standard Webhooks secret: `whsec_` and base64 of 24 to 64 bytes; `********` keeps the stored one. */
const WebhookSecretSchema = z.union([
  z.literal(MASKED_SECRET),
  z.string({ error: 'secret must be a string' }).regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, {
    error: 'secret must be whsec_ followed by base64 of 24 to 64 bytes (omit it to have one generated)',
  }),
]);

export const WebhookChannelConfigSchema = z.strictObject({
  url: HttpUrlSchema,
  /** Generated when omitted, and shown once in the answer of the create. */
  secret: WebhookSecretSchema.optional(),
});

export const SlackChannelConfigSchema = z.strictObject({
  webhookUrl: z.union([z.literal(MASKED_SECRET), HttpUrlSchema]),
});

const emailAddress = (what: string) =>
  z
    .email({ error: `${what} must be an email address` })
    .max(254, { error: `${what} must be at most 254 characters` });

const MAX_RECIPIENTS = 50;

/** SMTP relay settings; the password is the secret. */
export const EmailChannelConfigSchema = z
  .strictObject({
    host: z
      .string({ error: 'host is required' })
      .trim()
      .min(1, { error: 'host must not be empty' })
      .max(253, { error: 'host must be at most 253 characters' }),
    port: wholeNumber('port', 1, 65535).default(587),
    /** false: plain SMTP, upgraded with STARTTLS when the server offers it; true: TLS from the start (port 465). */
    secure: z.boolean({ error: 'secure must be true or false' }).default(false),
    username: z
      .string({ error: 'username must be a string' })
      .min(1, { error: 'username must not be empty' })
      .max(256, { error: 'username must be at most 256 characters' })
      .optional(),
    password: z
      .union([
        z.literal(MASKED_SECRET),
        z
          .string({ error: 'password must be a string' })
          .min(1, { error: 'password must not be empty' })
          .max(256, { error: 'password must be at most 256 characters' }),
      ])
      .optional(),
    from: emailAddress('from'),
    to: z
      .array(emailAddress('each address in to'), { error: 'to must be a list of email addresses' })
      .min(1, { error: 'to must list at least one address' })
      .max(MAX_RECIPIENTS, { error: `to must list at most ${MAX_RECIPIENTS} addresses` })
      .refine((to) => new Set(to.map((address) => address.toLowerCase())).size === to.length, {
        error: 'to must not list an address twice',
      }),
  })
  .refine((config) => config.password === undefined || config.username !== undefined, {
    path: ['password'],
    error: 'a password needs a username',
  });

export const AlertmanagerChannelConfigSchema = z.strictObject({
  /** The base URL (`http://alertmanager:9093`); alerts go to its `/api/v2/alerts`. */
  url: HttpUrlSchema,
});

/** An Events API v2 integration key ("routing key"); `********` keeps the stored one. */
const RoutingKeySchema = z.union(
  [
    z.literal(MASKED_SECRET),
    z.string().regex(/^[A-Za-z0-9]{32}$/, {
      error: 'routingKey must be the 32-character integration key of a PagerDuty Events API v2 integration',
    }),
  ],
  { error: (issue) => (issue.input === undefined ? 'routingKey is required' : undefined) },
);

export const PagerDutyChannelConfigSchema = z.strictObject({
  routingKey: RoutingKeySchema,
  /** Another enqueue endpoint (the EU service region, a proxy); PagerDuty's own when omitted. */
  url: HttpUrlSchema.optional(),
});

export const CHANNEL_TYPES = ['webhook', 'slack', 'email', 'alertmanager', 'pagerduty'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Which config fields are secrets: encrypted at rest, masked on the way out. */
export const CHANNEL_SECRET_FIELDS = {
  webhook: ['secret'],
  slack: ['webhookUrl'],
  email: ['password'],
  alertmanager: [],
  pagerduty: ['routingKey'],
} as const satisfies Record<ChannelType, readonly string[]>;

export const ChannelRequestSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ name, type: z.literal('webhook'), config: WebhookChannelConfigSchema }),
    z.strictObject({ name, type: z.literal('slack'), config: SlackChannelConfigSchema }),
    z.strictObject({ name, type: z.literal('email'), config: EmailChannelConfigSchema }),
    z.strictObject({ name, type: z.literal('alertmanager'), config: AlertmanagerChannelConfigSchema }),
    z.strictObject({ name, type: z.literal('pagerduty'), config: PagerDutyChannelConfigSchema }),
  ],
  { error: `type must be one of: ${CHANNEL_TYPES.join(', ')}` },
);
export type ChannelRequest = z.output<typeof ChannelRequestSchema>;

export const ChannelHealthSchema = z.object({
  /** `failing`: the last attempt failed; `disabled`: the receiver answered 410 Gone, nothing is sent. */
  state: z.enum(['healthy', 'failing', 'disabled', 'unused']),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pending: z.number().int(),
  disabledReason: z.string().nullable(),
});

export const ChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(CHANNEL_TYPES),
  /** Secrets masked; a generated webhook secret appears in clear once, in the answer of the create. */
  config: z.record(z.string(), z.unknown()),
  health: ChannelHealthSchema,
  /** The config file that manages it (config as code); edits through the API are refused while set. */
  managedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const ChannelListSchema = z.object({ items: z.array(ChannelSchema) });
export type ChannelList = z.infer<typeof ChannelListSchema>;

/** The answer of "send test": what the receiver said. */
export const ChannelTestResultSchema = z.object({
  ok: z.boolean(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  response: z.string().nullable(),
  durationMs: z.number(),
});
export type ChannelTestResult = z.infer<typeof ChannelTestResultSchema>;

export const ChannelDeliveryQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(200, { error: 'limit must be at most 200' })
    .default(50),
  /** The `nextBefore` of the previous page. */
  before: z
    .string()
    .regex(/^\d{1,19}$/, { error: 'before must be the nextBefore of a previous page' })
    .optional(),
});
export type ChannelDeliveryQuery = z.output<typeof ChannelDeliveryQuerySchema>;

/** One attempt to deliver a message to this channel: what it was about and what the receiver answered. */
export const ChannelDeliverySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Null once the alert is gone (its integration or rule deleted). */
  alertId: z.string().nullable(),
  integrationId: z.string().nullable(),
  integrationName: z.string(),
  kind: z.string(),
  messageId: z.string(),
  outcome: z.enum(['delivered', 'failed']),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});
export type ChannelDelivery = z.infer<typeof ChannelDeliverySchema>;

/** The channel's delivery log, newest first; a grouped message shows once per alert it was about. */
export const ChannelDeliveryListSchema = z.object({
  items: z.array(ChannelDeliverySchema),
  nextBefore: z.string().nullable(),
});
export type ChannelDeliveryList = z.infer<typeof ChannelDeliveryListSchema>;
