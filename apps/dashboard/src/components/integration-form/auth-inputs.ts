import { AUTH_SECRET_FIELDS, type AuthType } from '@ihm/contracts';
import type { AuthForm } from './form-state';

export type AuthField = Exclude<keyof AuthForm, 'type'>;

export interface AuthInput {
  field: AuthField;
  label: string;
  /** `in` (header or query) and `clientAuthentication` are choices; every other field is typed in. */
  type?: 'url';
  hint?: string;
}

export const AUTH_TYPE_LABELS: Readonly<Record<AuthType, string>> = {
  none: 'None',
  apiKey: 'API key',
  bearer: 'Bearer token',
  basic: 'Basic (username and password)',
  oauth2ClientCredentials: 'OAuth 2.0 client credentials',
};

/** The inputs of each auth type, in the order they are shown. */
export const AUTH_INPUTS: Readonly<Record<AuthType, readonly AuthInput[]>> = {
  none: [],
  apiKey: [
    { field: 'in', label: 'Send the key in' },
    { field: 'name', label: 'Header or query parameter name', hint: 'For example X-API-Key.' },
    { field: 'value', label: 'API key' },
  ],
  bearer: [{ field: 'token', label: 'Token' }],
  basic: [
    { field: 'username', label: 'Username' },
    { field: 'password', label: 'Password' },
  ],
  oauth2ClientCredentials: [
    { field: 'tokenUrl', label: 'Token URL', type: 'url' },
    { field: 'clientId', label: 'Client ID' },
    { field: 'clientSecret', label: 'Client secret' },
    { field: 'scope', label: 'Scope', hint: 'Optional; space-separated scopes.' },
    {
      field: 'clientAuthentication',
      label: 'Client authentication',
      hint: 'How the token URL wants the client ID and secret (RFC 6749 §2.3.1).',
    },
  ],
};

/** Secret fields are write-only: password inputs that start empty. The contract says which fields they are. */
export function isSecretAuthField(type: AuthType, field: AuthField): boolean {
  return (AUTH_SECRET_FIELDS[type] as readonly string[]).includes(field);
}
