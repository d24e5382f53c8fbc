import {
  AUTH_SECRET_FIELDS,
  MASKED_SECRET,
  isSensitiveHeaderName,
  type Auth,
  type FieldError,
} from '@ihm/contracts';

/** The credentials of one integration: what is encrypted at rest. */
export interface IntegrationSecrets {
  auth: Record<string, string>;
  headers: Record<string, string>;
}

export interface SecretBearing {
  auth: Auth;
  headers: Record<string, string>;
}

function secretFieldsOf(auth: Auth): readonly string[] {
  return AUTH_SECRET_FIELDS[auth.type];
}

/** Splits credentials out: the masked view is stored in clear and returned by the API; the secrets are sealed. */
export function splitSecrets<T extends SecretBearing>(value: T): { masked: T; secrets: IntegrationSecrets } {
  const auth: Record<string, unknown> = { ...value.auth };
  const secrets: IntegrationSecrets = { auth: {}, headers: {} };
  for (const field of secretFieldsOf(value.auth)) {
    secrets.auth[field] = String(auth[field]);
    auth[field] = MASKED_SECRET;
  }
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(value.headers)) {
    if (isSensitiveHeaderName(name)) {
      secrets.headers[name] = headerValue;
      headers[name] = MASKED_SECRET;
    } else {
      headers[name] = headerValue;
    }
  }
  return { masked: { ...value, auth: auth as Auth, headers }, secrets };
}

/** Puts the sealed secrets back into a masked view: the definition a probe runs with. */
export function joinSecrets<T extends SecretBearing>(masked: T, secrets: IntegrationSecrets): T {
  const auth: Record<string, unknown> = { ...masked.auth };
  for (const field of secretFieldsOf(masked.auth)) auth[field] = secrets.auth[field];
  const headers = Object.fromEntries(
    Object.entries(masked.headers).map(([name, value]) => [name, secrets.headers[name] ?? value]),
  );
  return { ...masked, auth: auth as Auth, headers };
}

/**
 * An update may send `MASKED_SECRET` back for a secret it does not change: take the stored value instead.
 * A mask with no stored value behind it (another auth type, a new header) is a field error.
 */
export function keepMaskedSecrets<T extends SecretBearing>(
  incoming: T,
  stored: SecretBearing,
): { value: T; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const auth: Record<string, unknown> = { ...incoming.auth };
  const storedAuth = stored.auth as Record<string, unknown>;
  for (const field of secretFieldsOf(incoming.auth)) {
    if (auth[field] !== MASKED_SECRET) continue;
    if (stored.auth.type === incoming.auth.type) auth[field] = storedAuth[field];
    else
      errors.push({
        field: `auth.${field}`,
        message: 'enter the secret: the stored one belongs to another auth type',
      });
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    const storedValue = stored.headers[name];
    if (value !== MASKED_SECRET) headers[name] = value;
    else if (storedValue !== undefined) headers[name] = storedValue;
    else errors.push({ field: `headers.${name}`, message: 'enter the header value: none is stored for it' });
  }
  return { value: { ...incoming, auth: auth as Auth, headers }, errors };
}

/** A new integration cannot refer to stored secrets: a mask there is a mistake, not a value. */
export function findMaskedSecrets(value: SecretBearing): FieldError[] {
  const empty: SecretBearing = { auth: { type: 'none' }, headers: {} };
  return keepMaskedSecrets(value, empty).errors;
}
