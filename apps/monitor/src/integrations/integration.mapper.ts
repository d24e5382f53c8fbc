import type { Integration, IntegrationDefinition } from '@ihm/contracts';
import { MonitorError } from '../common/monitor-error';
import { SecretBox, SecretBoxError } from '../security/secret-box';
import { hasSecrets, joinSecrets, splitSecrets, type IntegrationSecrets } from './integration-secrets';
import type { IntegrationWrite, StoredIntegration } from './stored-integration';

/** A definition as stored: secrets sealed, the masked view in clear. */
export function sealIntegration(definition: IntegrationDefinition, box: SecretBox): IntegrationWrite {
  const { masked, secrets } = splitSecrets(definition);
  return { masked, sealedSecrets: hasSecrets(secrets) ? new Uint8Array(box.seal(secrets)) : null };
}

/** Where a webhook integration's provider delivers to. */
export const receiverUrlOf = (webhookBaseUrl: string, id: string) =>
  `${webhookBaseUrl}/api/webhooks/${encodeURIComponent(id)}`;

/** The API's view of a stored integration: secrets stay masked; a webhook one says where to deliver. */
export function toIntegration(stored: StoredIntegration, webhookBaseUrl: string): Integration {
  const common = {
    id: stored.id,
    managedBy: stored.managedBy,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  };
  return stored.masked.kind === 'webhook'
    ? { ...stored.masked, ...common, receiverUrl: receiverUrlOf(webhookBaseUrl, stored.id) }
    : { ...stored.masked, ...common };
}

/** The full definition with its secrets decrypted: for probing and for merging updates. Never returned. */
export function toDefinition(stored: StoredIntegration, box: SecretBox): IntegrationDefinition {
  if (!stored.sealedSecrets) return stored.masked;
  try {
    return joinSecrets(stored.masked, box.open(stored.sealedSecrets) as IntegrationSecrets);
  } catch (error) {
    if (error instanceof SecretBoxError) throw new MonitorError('SECRETS_UNREADABLE', error.message);
    throw error;
  }
}
