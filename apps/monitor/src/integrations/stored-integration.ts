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
  createdAt: Date;
  updatedAt: Date;
}
