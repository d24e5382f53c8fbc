import type { Auth, HttpMethod, Integration, IntegrationDefinition } from '@ihm/contracts';
import type { Integration as IntegrationRow, Prisma } from '@ihm/db';
import { MonitorError } from '../common/monitor-error';
import { SecretBox, SecretBoxError } from '../security/secret-box';
import { joinSecrets, splitSecrets, type IntegrationSecrets } from './integration-secrets';

type RowData = Omit<Prisma.IntegrationCreateInput, 'results'>;

/** A definition as stored: secrets sealed, the masked view in clear. */
export function toRowData(definition: IntegrationDefinition, box: SecretBox): RowData {
  const { masked, secrets } = splitSecrets(definition);
  const hasSecrets = Object.keys(secrets.auth).length + Object.keys(secrets.headers).length > 0;
  return {
    name: masked.name,
    url: masked.url,
    method: masked.method,
    headers: masked.headers,
    body: masked.body,
    authType: masked.auth.type,
    authConfig: masked.auth,
    secrets: hasSecrets ? new Uint8Array(box.seal(secrets)) : null,
    expectedStatus: masked.expectedStatus,
    responseSchema: (masked.responseSchema ?? undefined) as Prisma.InputJsonValue | undefined,
    intervalSeconds: masked.intervalSeconds,
    timeoutMs: masked.timeoutMs,
    latencyThresholdMs: masked.latencyThresholdMs,
    rateLimitWarnPercent: masked.rateLimitWarnPercent,
    tokenExpiryWarnDays: masked.tokenExpiryWarnDays,
    certificateExpiryWarnDays: masked.certificateExpiryWarnDays,
    paused: masked.paused,
    tags: masked.tags,
  };
}

/** The API's view of a stored integration: secrets stay masked. */
export function toIntegration(row: IntegrationRow): Integration {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    method: row.method as HttpMethod,
    headers: row.headers as Record<string, string>,
    body: row.body,
    auth: row.authConfig as Auth,
    expectedStatus: row.expectedStatus,
    responseSchema: (row.responseSchema as Record<string, unknown> | null) ?? null,
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    latencyThresholdMs: row.latencyThresholdMs,
    rateLimitWarnPercent: row.rateLimitWarnPercent,
    tokenExpiryWarnDays: row.tokenExpiryWarnDays,
    certificateExpiryWarnDays: row.certificateExpiryWarnDays,
    paused: row.paused,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The full definition with its secrets decrypted: for probing and for merging updates. Never returned. */
export function toDefinition(row: IntegrationRow, box: SecretBox): IntegrationDefinition {
  const { id: _id, createdAt: _c, updatedAt: _u, ...masked } = toIntegration(row);
  if (!row.secrets) return masked;
  try {
    return joinSecrets(masked, box.open(row.secrets) as IntegrationSecrets);
  } catch (error) {
    if (error instanceof SecretBoxError) throw new MonitorError('SECRETS_UNREADABLE', error.message);
    throw error;
  }
}
