import { z } from 'zod';
import { wholeNumber } from './whole-number';
import { AuthSchema } from './auth.contract';
import { ClientCertificateSchema } from './client-certificate.contract';
import { HeadersSchema } from './headers';
import { HttpUrlSchema } from './http-url';
import { jsonSchemaProblem } from './json-schema';
import { SigningSchema, WebhookReceiverSchema } from './webhook.contract';

/** `http`: probed on a schedule; `webhook`: inbound deliveries to the monitor's receiver, never probed. */
export const INTEGRATION_KINDS = ['http', 'webhook'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 86_400;
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 120_000;
export const MAX_BODY_LENGTH = 65_536;

const int = wholeNumber;

/** The fields of an integration and their rules, without defaults: shared by create and update. */
const IntegrationFields = {
  name: z
    .string({ error: 'name is required' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(100, { error: 'name must be at most 100 characters' }),
  url: HttpUrlSchema,
  method: z
    .string({ error: 'method must be a string' })
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(HTTP_METHODS, { error: `method must be one of: ${HTTP_METHODS.join(', ')}` })),
  headers: HeadersSchema,
  body: z
    .string()
    .max(MAX_BODY_LENGTH, { error: `body must be at most ${MAX_BODY_LENGTH} characters` })
    .nullable(),
  auth: AuthSchema,
  clientCertificate: ClientCertificateSchema.nullable(),
  signing: SigningSchema.nullable(),
  webhook: WebhookReceiverSchema,
  expectedStatus: z
    .array(int('status code', 100, 599), { error: 'expectedStatus must be a list of status codes' })
    .max(50)
    .refine((codes) => new Set(codes).size === codes.length, { error: 'status codes must not repeat' }),
  responseSchema: z
    .record(z.string(), z.unknown(), { error: 'responseSchema must be a JSON Schema object' })
    .superRefine((schema, ctx) => {
      const problem = jsonSchemaProblem(schema);
      if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid JSON Schema: ${problem}` });
    })
    .nullable(),
  intervalSeconds: int('intervalSeconds', MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS),
  timeoutMs: int('timeoutMs', MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
  latencyThresholdMs: int('latencyThresholdMs', 1, MAX_TIMEOUT_MS).nullable(),
  rateLimitWarnPercent: int('rateLimitWarnPercent', 0, 100),
  tokenExpiryWarnDays: int('tokenExpiryWarnDays', 0, 365),
  certificateExpiryWarnDays: int('certificateExpiryWarnDays', 0, 365),
  paused: z.boolean({ error: 'paused must be true or false' }),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: 'tag must not be empty' })
        .max(50, { error: 'tag must be at most 50 characters' }),
      { error: 'tags must be a list of strings' },
    )
    .max(20, { error: 'at most 20 tags' })
    .refine((tags) => new Set(tags).size === tags.length, { error: 'tags must not repeat' }),
};

export const INTEGRATION_DEFAULTS = {
  method: 'GET',
  headers: {},
  body: null,
  auth: { type: 'none' },
  clientCertificate: null,
  signing: null,
  expectedStatus: [],
  responseSchema: null,
  intervalSeconds: 60,
  timeoutMs: 10_000,
  latencyThresholdMs: null,
  rateLimitWarnPercent: 10,
  tokenExpiryWarnDays: 7,
  certificateExpiryWarnDays: 14,
  paused: false,
  tags: [],
} as const;

type Definition = {
  method: HttpMethod;
  body: string | null;
  intervalSeconds: number;
  timeoutMs: number;
};

/** Rules that involve more than one field; applied to a whole definition, after an update is merged too. */
function checkAcrossFields(definition: Definition, ctx: z.RefinementCtx): void {
  if (definition.timeoutMs > definition.intervalSeconds * 1000) {
    ctx.addIssue({
      code: 'custom',
      path: ['timeoutMs'],
      message: `timeoutMs must not exceed the interval (${definition.intervalSeconds * 1000} ms)`,
    });
  }
  if (definition.body !== null && (definition.method === 'GET' || definition.method === 'HEAD')) {
    ctx.addIssue({
      code: 'custom',
      path: ['body'],
      message: `a ${definition.method} request cannot have a body`,
    });
  }
}

const kindError = { error: `kind must be one of: ${INTEGRATION_KINDS.join(', ')}` };

/**
 * A full http integration definition. `expectedStatus: []` means any 2xx.
 * Unknown fields are refused so that a typo (`intervalSecond`) is an error, not silently ignored.
 */
const httpShape = {
  kind: z.literal('http', kindError).default('http'),
  name: IntegrationFields.name,
  url: IntegrationFields.url,
  method: IntegrationFields.method.default(INTEGRATION_DEFAULTS.method),
  headers: IntegrationFields.headers.default({}),
  body: IntegrationFields.body.default(null),
  auth: IntegrationFields.auth.default({ type: 'none' }),
  clientCertificate: IntegrationFields.clientCertificate.default(null),
  signing: IntegrationFields.signing.default(null),
  expectedStatus: IntegrationFields.expectedStatus.default([]),
  responseSchema: IntegrationFields.responseSchema.default(null),
  intervalSeconds: IntegrationFields.intervalSeconds.default(INTEGRATION_DEFAULTS.intervalSeconds),
  timeoutMs: IntegrationFields.timeoutMs.default(INTEGRATION_DEFAULTS.timeoutMs),
  latencyThresholdMs: IntegrationFields.latencyThresholdMs.default(null),
  rateLimitWarnPercent: IntegrationFields.rateLimitWarnPercent.default(
    INTEGRATION_DEFAULTS.rateLimitWarnPercent,
  ),
  tokenExpiryWarnDays: IntegrationFields.tokenExpiryWarnDays.default(
    INTEGRATION_DEFAULTS.tokenExpiryWarnDays,
  ),
  certificateExpiryWarnDays: IntegrationFields.certificateExpiryWarnDays.default(
    INTEGRATION_DEFAULTS.certificateExpiryWarnDays,
  ),
  paused: IntegrationFields.paused.default(false),
  tags: IntegrationFields.tags.default([]),
};

/** An inbound webhook integration: no URL, method or auth; its receiver checks what the provider delivers. */
const webhookShape = {
  kind: z.literal('webhook', kindError),
  name: IntegrationFields.name,
  webhook: IntegrationFields.webhook,
  paused: IntegrationFields.paused.default(false),
  tags: IntegrationFields.tags.default([]),
};

export const HttpDefinitionSchema = z.strictObject(httpShape).superRefine(checkAcrossFields);
const WebhookDefinitionSchema = z.strictObject(webhookShape);

export const CreateIntegrationRequestSchema = z.discriminatedUnion(
  'kind',
  [HttpDefinitionSchema, WebhookDefinitionSchema],
  kindError,
);
export type CreateIntegrationRequest = z.input<typeof CreateIntegrationRequestSchema>;
export type IntegrationDefinition = z.output<typeof CreateIntegrationRequestSchema>;
export type HttpIntegrationDefinition = z.output<typeof HttpDefinitionSchema>;
export type HttpIntegrationRequest = z.input<typeof HttpDefinitionSchema>;
export type WebhookIntegrationDefinition = z.output<typeof WebhookDefinitionSchema>;

/** Fields that only one kind has: an update naming one of another kind's is refused. */
export const KIND_FIELDS: Record<IntegrationKind, readonly string[]> = {
  http: Object.keys(httpShape).filter((key) => !(key in webhookShape)),
  webhook: Object.keys(webhookShape).filter((key) => !(key in httpShape)),
};

/** `POST /api/probe`: a definition to try before saving it; the name is optional. */
export const DryRunRequestSchema = z
  .strictObject({ ...httpShape, name: IntegrationFields.name.default('Dry run') })
  .superRefine(checkAcrossFields);

/** `POST /api/probe?integrationId=…`: masked secrets in the dry run take that integration's stored values. */
export const DryRunQuerySchema = z.strictObject({
  integrationId: z.string().trim().min(1).max(64).optional(),
});
export type DryRunQuery = z.output<typeof DryRunQuerySchema>;

/**
 * A partial update of either kind (the kind itself cannot change). Cross-field rules, and whether a field
 * belongs to the stored integration's kind, are checked by the service on the merged definition.
 */
export const UpdateIntegrationRequestSchema = z
  .strictObject(IntegrationFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'the update names no field' });
export type UpdateIntegrationRequest = z.input<typeof UpdateIntegrationRequestSchema>;
export type IntegrationPatch = z.output<typeof UpdateIntegrationRequestSchema>;

const storedFields = {
  id: z.string(),
  name: z.string(),
  paused: z.boolean(),
  tags: z.array(z.string()),
  /** The config file that manages it (config as code); edits through the API are refused while set. */
  managedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A stored http integration as the API returns it: secrets in `auth` and sensitive headers are masked. */
export const HttpIntegrationSchema = z.object({
  ...storedFields,
  kind: z.literal('http'),
  url: z.string(),
  method: z.enum(HTTP_METHODS),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
  auth: AuthSchema,
  clientCertificate: ClientCertificateSchema.nullable(),
  signing: SigningSchema.nullable(),
  expectedStatus: z.array(z.number().int()),
  responseSchema: z.record(z.string(), z.unknown()).nullable(),
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  latencyThresholdMs: z.number().int().nullable(),
  rateLimitWarnPercent: z.number().int(),
  tokenExpiryWarnDays: z.number().int(),
  certificateExpiryWarnDays: z.number().int(),
});
export type HttpIntegration = z.infer<typeof HttpIntegrationSchema>;

/** A stored webhook integration: its secret masked, and the URL its provider delivers to. */
export const WebhookIntegrationSchema = z.object({
  ...storedFields,
  kind: z.literal('webhook'),
  webhook: WebhookReceiverSchema,
  receiverUrl: z.string(),
});
export type WebhookIntegration = z.infer<typeof WebhookIntegrationSchema>;

export const IntegrationSchema = z.discriminatedUnion('kind', [
  HttpIntegrationSchema,
  WebhookIntegrationSchema,
]);
export type Integration = z.infer<typeof IntegrationSchema>;

export const IntegrationListSchema = z.object({ items: z.array(IntegrationSchema), total: z.number().int() });
export type IntegrationList = z.infer<typeof IntegrationListSchema>;

export const ListIntegrationsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  search: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(50).optional(),
});
export type ListIntegrationsQuery = z.output<typeof ListIntegrationsQuerySchema>;
