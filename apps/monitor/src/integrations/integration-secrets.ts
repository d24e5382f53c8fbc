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

/** A definition's credentials and where they are sent: its URL. */
export interface AddressedSecrets extends SecretBearing {
  url: string;
}

/**
 * The URLs a secret reaches: the API's, and for an OAuth2 client secret the token endpoint too (the secret goes
 * there, the access token it buys goes to the API).
 */
function destinationsOf(value: AddressedSecrets, part: 'auth' | 'headers'): string[] {
  return part === 'auth' && value.auth.type === 'oauth2ClientCredentials'
    ? [value.auth.tokenUrl, value.url]
    : [value.url];
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * An update or a dry run may send `MASKED_SECRET` back for a secret it does not change: take the stored value
 * instead. A mask with no stored value behind it (another auth type, a new header) is a field error, and so is
 * one whose destination changed: a stored secret is only sent to the origin it was entered for, so that whoever
 * edits an integration cannot point its URL elsewhere and collect the credentials.
 */
export function keepMaskedSecrets<T extends AddressedSecrets>(
  incoming: T,
  stored: AddressedSecrets,
): { value: T; errors: FieldError[] } {
  const errors: FieldError[] = [];
  /** The first new origin the secrets of `part` would reach, or null when they reach only the stored ones. */
  const movedTo = (part: 'auth' | 'headers'): string | null => {
    const before = destinationsOf(stored, part).map(originOf);
    const after = destinationsOf(incoming, part).map(originOf);
    // An unparsable URL is reported by validation, and nothing is sent with it.
    return after.find((to, i) => to !== null && to !== before[i]) ?? null;
  };
  const authMovedTo = movedTo('auth');
  const headersMovedTo = movedTo('headers');
  const enterAgain = (to: string) =>
    `enter the secret again: the stored one is not sent to a new origin (${to})`;

  const auth: Record<string, unknown> = { ...incoming.auth };
  const storedAuth = stored.auth as Record<string, unknown>;
  for (const field of secretFieldsOf(incoming.auth)) {
    if (auth[field] !== MASKED_SECRET) continue;
    if (stored.auth.type !== incoming.auth.type)
      errors.push({
        field: `auth.${field}`,
        message: 'enter the secret: the stored one belongs to another auth type',
      });
    else if (authMovedTo !== null) errors.push({ field: `auth.${field}`, message: enterAgain(authMovedTo) });
    else auth[field] = storedAuth[field];
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    const storedValue = stored.headers[name];
    if (value !== MASKED_SECRET) headers[name] = value;
    else if (storedValue === undefined)
      errors.push({ field: `headers.${name}`, message: 'enter the header value: none is stored for it' });
    else if (headersMovedTo !== null)
      errors.push({ field: `headers.${name}`, message: enterAgain(headersMovedTo) });
    else headers[name] = storedValue;
  }
  return { value: { ...incoming, auth: auth as Auth, headers }, errors };
}

/** A new integration cannot refer to stored secrets: a mask there is a mistake, not a value. */
export function findMaskedSecrets(value: AddressedSecrets): FieldError[] {
  const empty: AddressedSecrets = { url: value.url, auth: { type: 'none' }, headers: {} };
  return keepMaskedSecrets(value, empty).errors;
}
