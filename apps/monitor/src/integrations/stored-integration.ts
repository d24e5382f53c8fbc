import type { IntegrationDefinition } from '@ihm/contracts';

/** What is written for an integration: its definition with secrets masked, and the secrets sealed apart. */
export interface IntegrationWrite {
  masked: IntegrationDefinition;
  /** The secrets, encrypted (SecretBox); null when the definition has none. */
  sealedSecrets: Uint8Array<ArrayBuffer> | null;
}

/** An integration as the repository reads it back. */
export interface StoredIntegration extends IntegrationWrite {
  id: string;
  /** The config file that manages it, or null when the API does. */
  managedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
