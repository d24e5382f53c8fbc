import { DAY_NAMES, WEBHOOK_SCHEMES, type DeliveryVerdict, type WebhookScheme } from '@ihm/diagnosis';
import { z } from 'zod';
import { MASKED_SECRET } from './auth.contract';
import { jsonSchemaProblem } from './json-schema';
import { wholeNumber } from './whole-number';

export { WEBHOOK_SCHEMES, type DeliveryVerdict, type WebhookScheme };
export type SigningScheme = Exclude<WebhookScheme, 'none'>;
/** The schemes a request can be signed with: every one but `none`. */
export const SIGNING_SCHEMES = WEBHOOK_SCHEMES.filter((scheme): scheme is SigningScheme => scheme !== 'none');

export const MIN_SILENCE_SECONDS = 1;
export const MAX_SILENCE_SECONDS = 30 * 86_400;
export const DEFAULT_SILENCE_SECONDS = 900;
export const DEFAULT_TOLERANCE_SECONDS = 300;
export const MAX_TOLERANCE_SECONDS = 86_400;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The generic scheme: an HMAC-SHA256 of the raw body, in one header, hex or base64, after an optional prefix. */
export const HmacSignatureSchema = z.strictObject({
  header: z
    .string({ error: 'header is required' })
    .trim()
    .regex(HEADER_NAME, { error: 'header must be an HTTP header name' })
    .max(100),
  encoding: z.enum(['hex', 'base64'], { error: 'encoding must be hex or base64' }).default('hex'),
  prefix: z.string().max(50, { error: 'prefix must be at most 50 characters' }).default(''),
});
export type HmacSignature = z.output<typeof HmacSignatureSchema>;

const secretField = z
  .string({ error: 'secret is required' })
  .min(1, { error: 'secret must not be empty' })
  .max(1024, { error: 'secret must be at most 1024 characters' });

/** Checks that apply to a scheme with its secret, wherever a scheme is configured (receiving or signing). */
function checkScheme(
  config: { scheme: WebhookScheme; secret?: string | null; hmac?: HmacSignature | null },
  ctx: z.RefinementCtx,
): void {
  if (config.scheme !== 'none' && !config.secret) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: `the ${config.scheme} scheme needs a secret` });
  }
  if (config.scheme === 'hmac' && !config.hmac) {
    ctx.addIssue({
      code: 'custom',
      path: ['hmac'],
      message: 'the hmac scheme needs { header, encoding, prefix? }',
    });
  }
  if (config.scheme !== 'hmac' && config.hmac) {
    ctx.addIssue({ code: 'custom', path: ['hmac'], message: 'hmac applies to the hmac scheme only' });
  }
  if (
    config.scheme === 'standard' &&
    config.secret &&
    config.secret !== MASKED_SECRET &&
    !/^(whsec_)?[A-Za-z0-9+/]+={0,2}$/.test(config.secret)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['secret'],
      message: 'a Standard Webhooks secret is base64, usually with a whsec_ prefix',
    });
  }
}

/**
 * When deliveries are expected: only inside these hours of a time zone (working hours); outside them silence is
 * not counted. Without it, every hour counts.
 */
export const ActiveHoursSchema = z
  .strictObject({
    timeZone: z
      .string({ error: 'timeZone is required' })
      .refine(isTimeZone, { error: 'timeZone must be an IANA time zone (Europe/Berlin)' }),
    days: z
      .array(z.enum(DAY_NAMES, { error: `days are ${DAY_NAMES.join(', ')}` }))
      .min(1, { error: 'name at least one day' })
      .default(['mon', 'tue', 'wed', 'thu', 'fri'])
      .refine((days) => new Set(days).size === days.length, { error: 'days must not repeat' }),
    start: z.string().regex(CLOCK, { error: 'start must be HH:MM' }).default('09:00'),
    end: z.string().regex(CLOCK, { error: 'end must be HH:MM' }).default('17:00'),
  })
  .refine((hours) => hours.start < hours.end, { path: ['end'], error: 'end must be after start' });
export type ActiveHours = z.output<typeof ActiveHoursSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An inbound webhook integration's receiving side. `secret` is write-only (masked on the way out). */
export const WebhookReceiverSchema = z
  .strictObject({
    scheme: z.enum(WEBHOOK_SCHEMES, { error: `scheme must be one of: ${WEBHOOK_SCHEMES.join(', ')}` }),
    secret: secretField.nullable().default(null),
    hmac: HmacSignatureSchema.nullable().default(null),
    maxSilenceSeconds: wholeNumber('maxSilenceSeconds', MIN_SILENCE_SECONDS, MAX_SILENCE_SECONDS).default(
      DEFAULT_SILENCE_SECONDS,
    ),
    toleranceSeconds: wholeNumber('toleranceSeconds', 1, MAX_TOLERANCE_SECONDS).default(
      DEFAULT_TOLERANCE_SECONDS,
    ),
    activeHours: ActiveHoursSchema.nullable().default(null),
    payloadSchema: z
      .record(z.string(), z.unknown(), { error: 'payloadSchema must be a JSON Schema object' })
      .superRefine((schema, ctx) => {
        const problem = jsonSchemaProblem(schema);
        if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid JSON Schema: ${problem}` });
      })
      .nullable()
      .default(null),
  })
  .superRefine(checkScheme);
export type WebhookReceiver = z.output<typeof WebhookReceiverSchema>;

/** An http integration's request signed as a provider would sign a delivery to the team's own endpoint. */
export const SigningSchema = z
  .strictObject({
    scheme: z.enum(SIGNING_SCHEMES, {
      error: `signing needs one of the schemes: ${SIGNING_SCHEMES.join(', ')}`,
    }),
    secret: secretField,
    hmac: HmacSignatureSchema.nullable().default(null),
  })
  .superRefine(checkScheme);
export type Signing = z.output<typeof SigningSchema>;

/** Which fields of a receiver or a signing block are secrets. */
export const WEBHOOK_SECRET_FIELDS = ['secret'] as const;

/** The receiver's verdict on one delivery; `accepted` keeps the integration up. */
export const DELIVERY_VERDICTS = [
  'accepted',
  'missing_signature',
  'bad_signature',
  'stale_timestamp',
  'duplicate',
  'invalid_payload',
  'unreadable',
  'wrong_content_type',
  'too_large',
] as const satisfies readonly DeliveryVerdict[];

/** What a stored delivery shows (in a result's evidence): signatures and secrets are never kept. */
export const DeliveryEvidenceSchema = z.object({
  verdict: z.enum(DELIVERY_VERDICTS),
  deliveryId: z.string().nullable(),
  contentType: z.string().nullable(),
  bytes: z.number().int(),
  /** Request headers, with signatures and credentials replaced by `********`. */
  headers: z.record(z.string(), z.string()),
  /** The first bytes of the body, as text. */
  excerpt: z.string(),
  truncated: z.boolean(),
  /** The timestamp the provider signed, for timestamped schemes. */
  signedAt: z.string().nullable(),
});
export type DeliveryEvidence = z.infer<typeof DeliveryEvidenceSchema>;

/** What the receiver answers the sender of a delivery: why, when it refused it. */
export const WebhookAnswerSchema = z.object({
  accepted: z.boolean(),
  /** A paused integration takes deliveries without checking them. */
  paused: z.boolean().optional(),
  verdict: z.enum(DELIVERY_VERDICTS).optional(),
  message: z.string().optional(),
});
export type WebhookAnswer = z.infer<typeof WebhookAnswerSchema>;
