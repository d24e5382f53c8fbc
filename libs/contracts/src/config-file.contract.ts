import { z } from 'zod';
import { AlertConditionSchema, AlertScopeSchema } from './alert-rule.contract';
import { ChannelRequestSchema } from './channel.contract';
import { CreateIntegrationRequestSchema } from './integration.contract';
import { SilenceRequestSchema } from './silence.contract';

/**
 * `${NAME}`: a value the environment supplies when the file is applied. Secrets must be written this way
 * (optionally after a scheme word, `Bearer ${TOKEN}`); any other string may use references too. `$${` is a
 * literal `${`.
 */
export const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const objectName = z.string().trim().min(1).max(100);
const names = (what: string) =>
  z
    .array(objectName, { error: `must be a list of ${what} names` })
    .max(1000)
    .refine((list) => new Set(list).size === list.length, { error: `${what} names must not repeat` });

/** A scope by names: the integrations it covers are named as in the file, not by id. */
const FileScopeSchema = z.strictObject({
  integrations: names('integration').optional(),
  tags: AlertScopeSchema.shape.tags,
  categories: AlertScopeSchema.shape.categories,
});

/** An alert rule as the file holds it: channels and integrations by name. */
export const FileAlertRuleSchema = z.strictObject({
  name: objectName,
  condition: AlertConditionSchema,
  scope: FileScopeSchema.default({}),
  minSeverity: z.enum(['degraded', 'down']).optional(),
  channels: names('channel').default([]),
  renotifyMinutes: z.number().int().min(1).nullable().optional(),
});
export type FileAlertRule = z.output<typeof FileAlertRuleSchema>;

/** A silence as the file holds it; it has no name, so the file's silences are matched by their whole content. */
export const FileSilenceSchema = z.strictObject({
  scope: FileScopeSchema.default({}),
  startsAt: SilenceRequestSchema.shape.startsAt,
  endsAt: SilenceRequestSchema.shape.endsAt,
  comment: SilenceRequestSchema.shape.comment,
  recurrence: SilenceRequestSchema.shape.recurrence,
});
export type FileSilence = z.output<typeof FileSilenceSchema>;

/**
 * The config file (`CONFIG_FILE`, `npm run config -- plan|apply|export`): the integrations, channels, alert
 * rules and silences it manages, each by name. The integrations and channels are the API's request bodies.
 * Each section is optional; what the file leaves out and manages no longer is deleted by the next apply.
 */
export const ConfigFileSchema = z.strictObject({
  $schema: z.string().optional(),
  integrations: z.array(CreateIntegrationRequestSchema).max(100_000).default([]),
  channels: z.array(ChannelRequestSchema).max(1000).default([]),
  alertRules: z.array(FileAlertRuleSchema).max(1000).default([]),
  silences: z.array(FileSilenceSchema).max(1000).default([]),
});
export type ConfigFileInput = z.input<typeof ConfigFileSchema>;
export type ConfigFile = z.output<typeof ConfigFileSchema>;

/** A string that holds a reference: its value, known when the file is applied, is checked then. */
const REFERENCE_STRING = { type: 'string', pattern: '\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}' };

/**
 * Where a string must have a pattern or format, a reference is allowed too (`url: https://${HOST}/v1`); not in
 * keys (`propertyNames`), which are never resolved.
 */
function allowingReferences(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(allowingReferences);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'propertyNames' ? value : allowingReferences(value),
    ]),
  ) as Record<string, unknown>;
  const constrained = node.type === 'string' && ('pattern' in node || 'format' in node);
  return constrained ? { anyOf: [node, REFERENCE_STRING] } : node;
}

/** The file's JSON Schema, for editors (`# yaml-language-server: $schema=…`) and `npm run config -- schema`. */
export function configFileJsonSchema(): Record<string, unknown> {
  return {
    ...(allowingReferences(
      z.toJSONSchema(ConfigFileSchema, { io: 'input', unrepresentable: 'any' }),
    ) as Record<string, unknown>),
    title: 'Integration health monitor: config file',
    description:
      'Integrations, channels, alert rules and silences managed as code. Secrets are ${ENV_VAR} references, never literal.',
  };
}
