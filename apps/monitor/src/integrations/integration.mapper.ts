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

/** The API's view of a stored integration: secrets stay masked. */
export function toIntegration(stored: StoredIntegration): Integration {
  return {
    id: stored.id,
    ...stored.masked,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  };
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
