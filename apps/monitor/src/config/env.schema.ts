import { outboundPolicy } from '@ihm/probe';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');
/** The sandbox's own default (apps/sandbox/src/receiver.ts), public: it protects nothing but the demo. */
const SANDBOX_DEMO_RECEIVER_SECRET = 'whsec_zyB+2QvVHFW6tuZEmDZX6kNY1BdZ0JyceEgT5FDAgQw=';

/** An AES-256 key: 32 bytes as 64 hex digits or base64. */
const ENCRYPTION_KEY_FORMAT = /^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/;

/** Labels integration_info carries itself: a tag key may not take their place. */
const RESERVED_LABELS = new Set(['integration', 'integration_id', 'kind', 'paused']);

/** Every environment variable the monitor reads, with its default. The README's table mirrors it. */
export const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgresql:// or postgres://' })
      .optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    HOST: z.string().min(1).default('127.0.0.1'),
    MONITOR_PORT: port(4000),
    EMBEDDED_POSTGRES_PORT: port(54320),
    API_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    METRICS_TAG_LABELS: z
      .string()
      .transform((list) => [
        ...new Set(
          list
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, {
                error: 'must be label names (letters, digits, _), comma-separated',
              })
              .refine((name) => !name.startsWith('__') && !RESERVED_LABELS.has(name), {
                error:
                  'must not name a label the monitor sets (integration, integration_id, kind, paused) or start with __',
              }),
          )
          .max(10, {
            error: 'must name at most 10 tag keys: each one is a label on every integration_info series',
          }),
      )
      .default([]),
    ADMIN_PASSWORD: z
      .string()
      .min(8, { error: 'must be at least 8 characters' })
      .max(1024, { error: 'must be at most 1024 characters' })
      .optional(),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
    ENCRYPTION_KEY: z
      .string()
      .regex(ENCRYPTION_KEY_FORMAT, { error: 'must be 32 bytes as 64 hex digits or base64' })
      .optional(),
    DECRYPTION_KEYS: z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z.string().regex(ENCRYPTION_KEY_FORMAT, {
              error: 'must be keys of 32 bytes (64 hex digits or base64), comma-separated',
            }),
          )
          .max(10, { error: 'must name at most 10 keys' }),
      )
      .default([]),
    DEMO: flag.optional(),
    CONFIG_FILE: z.string().trim().min(1, { error: 'must be a path to a YAML or JSON file' }).optional(),
    SANDBOX_PORT: port(4010),
    DASHBOARD_PORT: port(3000),
    DASHBOARD_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    SANDBOX_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    WEBHOOK_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    WEBHOOK_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1_048_576)
      .default(1_048_576),
    WEBHOOK_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(200),
    SANDBOX_RECEIVER_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, {
        error: 'must be whsec_ followed by base64 of 24 to 64 bytes',
      })
      .default(SANDBOX_DEMO_RECEIVER_SECRET),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default('json'),
    ROLE: z.enum(['all', 'api', 'worker'], { error: 'must be all, api or worker' }).default('all'),
    PROBE_CONCURRENCY: z.coerce.number().int().min(1).max(100_000).optional(),
    SCHEDULER_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(30),
    PROBE_THREADS: z.coerce.number().int().min(0).max(64).optional(),
    RESULT_BUFFER_LIMIT: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
    RESULTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    ROLLUP_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).default(31),
    SUCCESS_RESULTS_RETENTION_HOURS: z.coerce.number().int().min(1).max(87_600).default(3),
    ALERT_GROUP_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    ALERT_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    ALERT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    ALLOW_PRIVATE_TARGETS: flag.optional(),
    ALLOWED_TARGET_CIDRS: z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .superRefine((entries, context) => {
        try {
          outboundPolicy(false, entries);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
        }
      })
      .default([]),
  })
  .transform((env) => ({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    host: env.HOST,
    port: env.MONITOR_PORT,
    embeddedPostgresPort: env.EMBEDDED_POSTGRES_PORT,
    apiToken: env.API_TOKEN,
    metricsToken: env.METRICS_TOKEN,
    metricsTagLabels: env.METRICS_TAG_LABELS,
    adminPassword: env.ADMIN_PASSWORD,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    encryptionKey: env.ENCRYPTION_KEY,
    // Keys that only open stored secrets: the old ones while a rotation runs (npm run secrets:rotate).
    decryptionKeys: env.DECRYPTION_KEYS,
    // Demo mode is the default for the two-command setup (embedded database), off on a real database.
    demo: env.DEMO ?? env.DATABASE_URL === undefined,
    // Applied at start (config as code); what it manages is refused to edits through the API.
    configFile: env.CONFIG_FILE ?? null,
    sandboxUrl: env.SANDBOX_URL ?? `http://127.0.0.1:${env.SANDBOX_PORT}`,
    // What demo mode's channel to the sandbox's webhook receiver signs with.
    sandboxReceiverSecret: env.SANDBOX_RECEIVER_SECRET,
    // Where notifications link to: the dashboard as the people receiving them reach it.
    dashboardUrl: env.DASHBOARD_URL ?? `http://127.0.0.1:${env.DASHBOARD_PORT}`,
    // Where providers deliver webhooks: the monitor's API as the internet reaches it (a proxy, a tunnel).
    webhookBaseUrl: (env.WEBHOOK_BASE_URL ?? `http://127.0.0.1:${env.MONITOR_PORT}`).replace(/\/+$/, ''),
    webhookMaxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    // Deliveries per second per webhook integration (a burst of ten times as many is let through).
    webhookRateLimit: env.WEBHOOK_RATE_LIMIT,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    role: env.ROLE,
    // An upper bound on probes in flight; below it, the process's own limits decide (probe-capacity.ts).
    probeConcurrency: env.PROBE_CONCURRENCY ?? null,
    schedulerLeaseSeconds: env.SCHEDULER_LEASE_SECONDS,
    // Threads probes run on; unset, one per core where probes are scheduled (probe-thread-pool.ts).
    probeThreads: env.PROBE_THREADS ?? null,
    resultBufferLimit: env.RESULT_BUFFER_LIMIT,
    resultsRetentionDays: env.RESULTS_RETENTION_DAYS,
    rollupRetentionDays: env.ROLLUP_RETENTION_DAYS,
    successResultsRetentionHours: env.SUCCESS_RESULTS_RETENTION_HOURS,
    alertGroupWaitSeconds: env.ALERT_GROUP_WAIT_SECONDS,
    alertSendTimeoutMs: env.ALERT_SEND_TIMEOUT_SECONDS * 1000,
    alertRetentionDays: env.ALERT_RETENTION_DAYS,
    // Where probes, OAuth token requests and alert deliveries may connect. Demo mode probes its loopback sandbox.
    outbound: outboundPolicy(
      env.ALLOW_PRIVATE_TARGETS ?? env.DEMO ?? env.DATABASE_URL === undefined,
      env.ALLOWED_TARGET_CIDRS,
    ),
  }));

export type Env = z.output<typeof EnvSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses the environment once; reports every bad variable at once, by name, never echoing values. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(blankAsUnset);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new InvalidEnvironmentError(`Invalid environment variables: ${problems.join('; ')}`);
}
