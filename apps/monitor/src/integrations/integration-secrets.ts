import {
  AUTH_SECRET_FIELDS,
  CLIENT_CERTIFICATE_SECRET_FIELDS,
  MASKED_SECRET,
  WEBHOOK_SECRET_FIELDS,
  isCredentialName,
  rewriteBodyCredentials,
  rewriteUrlCredentials,
  type Auth,
  type ClientCertificate,
  type CredentialRewrite,
  type FieldError,
} from '@ihm/contracts';

/** Where a definition holds credentials. */
type Part = 'auth' | 'clientCertificate' | 'headers' | 'query' | 'body' | 'signing' | 'webhook';

/** The credentials of one integration, by part and place: what is encrypted at rest. */
export interface IntegrationSecrets {
  auth: Record<string, string>;
  headers: Record<string, string>;
  /** Credential-named query parameters of the URL, by `name#occurrence`; absent in secrets sealed before them. */
  query?: Record<string, string>;
  /** Credential-named fields of the body, by JSON pointer or form parameter; absent before them, too. */
  body?: Record<string, string>;
  /** The client certificate's private key and passphrase; absent before mutual TLS. */
  clientCertificate?: Record<string, string>;
  /** The secret an http integration signs its request with; absent before signing. */
  signing?: Record<string, string>;
  /** The secret a webhook integration verifies deliveries with. */
  webhook?: Record<string, string>;
}

/** What of an http definition can hold credentials. */
export interface HttpSecretBearing {
  kind: 'http';
  url: string;
  auth: Auth;
  clientCertificate: ClientCertificate | null;
  signing: { secret: string } | null;
  headers: Record<string, string>;
  body: string | null;
}

/** What of a webhook definition holds a credential. */
export interface WebhookSecretBearing {
  kind: 'webhook';
  webhook: { secret: string | null };
}

export type SecretBearing = HttpSecretBearing | WebhookSecretBearing;

/** One part: how to rewrite its credentials, which field an error about it names, and what such an error says. */
interface Section {
  part: Part;
  rewrite<T extends SecretBearing>(value: T, rewrite: CredentialRewrite): T;
  field(place: string): string;
  missing(place: string, stored: SecretBearing, incoming: SecretBearing): string;
}

/** A section of one kind's definitions; the other kind's pass through it unchanged. */
function ofKind<K extends SecretBearing['kind']>(
  kind: K,
  rewrite: (value: Extract<SecretBearing, { kind: K }>, rewrite: CredentialRewrite) => SecretBearing,
): Section['rewrite'] {
  return <T extends SecretBearing>(value: T, credential: CredentialRewrite): T =>
    value.kind === kind
      ? (rewrite(value as unknown as Extract<SecretBearing, { kind: K }>, credential) as T)
      : value;
}

/** Rewrites the named string fields of an object that holds secrets. */
function rewriteFields<T extends object>(
  holder: T,
  fields: readonly string[],
  rewrite: CredentialRewrite,
): T {
  const copy = { ...holder } as Record<string, unknown>;
  for (const place of fields)
    if (typeof copy[place] === 'string') copy[place] = rewrite({ place, value: copy[place] });
  return copy as T;
}

const SECTIONS: readonly Section[] = [
  {
    part: 'auth',
    rewrite: ofKind('http', (value, rewrite) => ({
      ...value,
      auth: rewriteFields(value.auth, AUTH_SECRET_FIELDS[value.auth.type], rewrite),
    })),
    field: (place) => `auth.${place}`,
    missing: (_place, stored, incoming) =>
      stored.kind === 'http' && incoming.kind === 'http' && stored.auth.type !== incoming.auth.type
        ? 'enter the secret: the stored one belongs to another auth type'
        : 'enter the secret: none is stored for it',
  },
  {
    part: 'clientCertificate',
    rewrite: ofKind('http', (value, rewrite) =>
      value.clientCertificate === null
        ? value
        : {
            ...value,
            clientCertificate: rewriteFields(
              value.clientCertificate,
              CLIENT_CERTIFICATE_SECRET_FIELDS,
              rewrite,
            ),
          },
    ),
    field: (place) => `clientCertificate.${place}`,
    missing: () => 'enter it: none is stored for it',
  },
  {
    part: 'signing',
    rewrite: ofKind('http', (value, rewrite) =>
      value.signing === null
        ? value
        : { ...value, signing: rewriteFields(value.signing, WEBHOOK_SECRET_FIELDS, rewrite) },
    ),
    field: (place) => `signing.${place}`,
    missing: () => 'enter the signing secret: none is stored for it',
  },
  {
    part: 'webhook',
    rewrite: ofKind('webhook', (value, rewrite) => ({
      ...value,
      webhook: rewriteFields(value.webhook, WEBHOOK_SECRET_FIELDS, rewrite),
    })),
    field: (place) => `webhook.${place}`,
    missing: () => 'enter the secret: none is stored for it',
  },
  {
    part: 'headers',
    rewrite: ofKind('http', (value, rewrite) => ({
      ...value,
      headers: Object.fromEntries(
        Object.entries(value.headers).map(([place, headerValue]) => [
          place,
          isCredentialName(place) ? rewrite({ place, value: headerValue }) : headerValue,
        ]),
      ),
    })),
    field: (place) => `headers.${place}`,
    missing: () => 'enter the header value: none is stored for it',
  },
  {
    part: 'query',
    rewrite: ofKind('http', (value, rewrite) => ({
      ...value,
      url: rewriteUrlCredentials(value.url, rewrite),
    })),
    field: () => 'url',
    missing: (place) =>
      `enter the value of the query parameter ${place.replace(/#\d+$/, '')}: none is stored for it`,
  },
  {
    part: 'body',
    rewrite: ofKind('http', (value, rewrite) =>
      value.body === null ? value : { ...value, body: rewriteBodyCredentials(value.body, rewrite) },
    ),
    field: () => 'body',
    missing: (place) => `enter the value of ${place}: none is stored for it`,
  },
];

/** The credentials of one part of a definition, by place. */
function credentialsOf(section: Section, value: SecretBearing): Record<string, string> {
  const found: Record<string, string> = {};
  section.rewrite(value, ({ place, value: credential }) => (found[place] = credential));
  return found;
}

/** Splits credentials out: the masked view is stored in clear and returned by the API; the secrets are sealed. */
export function splitSecrets<T extends SecretBearing>(value: T): { masked: T; secrets: IntegrationSecrets } {
  const secrets: IntegrationSecrets = {
    auth: {},
    clientCertificate: {},
    signing: {},
    webhook: {},
    headers: {},
    query: {},
    body: {},
  };
  const masked = SECTIONS.reduce(
    (view, section) =>
      section.rewrite(view, ({ place, value: credential }) => {
        secrets[section.part]![place] = credential;
        return MASKED_SECRET;
      }),
    value,
  );
  return { masked, secrets };
}

export function hasSecrets(secrets: IntegrationSecrets): boolean {
  return SECTIONS.some(({ part }) => Object.keys(secrets[part] ?? {}).length > 0);
}

/** Puts the sealed secrets back into a masked view: the definition a probe runs with. */
export function joinSecrets<T extends SecretBearing>(masked: T, secrets: IntegrationSecrets): T {
  return SECTIONS.reduce(
    (view, section) =>
      section.rewrite(view, ({ place, value }) =>
        value === MASKED_SECRET ? (secrets[section.part]?.[place] ?? value) : value,
      ),
    masked,
  );
}

/**
 * The URLs a secret reaches: the API's, and for an OAuth2 client secret the token endpoint too (the secret goes
 * there, the access token it buys goes to the API). A webhook's secret reaches none: it checks what arrives.
 */
function destinationsOf(value: SecretBearing, part: Part): string[] {
  if (value.kind === 'webhook') return [];
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

/** The first new origin the secrets of `part` would reach, or null when they reach only the stored ones. */
function movedTo(incoming: SecretBearing, stored: SecretBearing, part: Part): string | null {
  const before = destinationsOf(stored, part).map(originOf);
  const after = destinationsOf(incoming, part).map(originOf);
  // An unparsable URL is reported by validation, and nothing is sent with it.
  return after.find((to, i) => to !== null && to !== before[i]) ?? null;
}

/**
 * An update or a dry run may send `MASKED_SECRET` back for a secret it does not change: take the stored value
 * instead. A mask with no stored value behind it (another auth type, a new header, parameter or body field) is a
 * field error, and so is one whose destination changed: a stored secret is only sent to the origin it was
 * entered for, so that whoever edits an integration cannot point its URL elsewhere and collect the credentials.
 */
export function keepMaskedSecrets<T extends SecretBearing>(
  incoming: T,
  stored: SecretBearing,
): { value: T; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = SECTIONS.reduce((view, section) => {
    const storedValues = credentialsOf(section, stored);
    const to = movedTo(incoming, stored, section.part);
    return section.rewrite(view, ({ place, value: credential }) => {
      if (credential !== MASKED_SECRET) return credential;
      const storedValue = storedValues[place];
      // A mask is no stored secret, wherever it is read from.
      if (storedValue === undefined || storedValue === MASKED_SECRET)
        errors.push({ field: section.field(place), message: section.missing(place, stored, incoming) });
      else if (to !== null)
        errors.push({
          field: section.field(place),
          message: `enter the secret again: the stored one is not sent to a new origin (${to})`,
        });
      else return storedValue;
      return credential;
    });
  }, incoming);
  return { value, errors };
}

/** A new integration cannot refer to stored secrets: a mask there is a mistake, not a value. */
export function findMaskedSecrets(value: SecretBearing): FieldError[] {
  const empty: SecretBearing =
    value.kind === 'webhook'
      ? { kind: 'webhook', webhook: { secret: null } }
      : {
          kind: 'http',
          url: value.url,
          auth: { type: 'none' },
          clientCertificate: null,
          signing: null,
          headers: {},
          body: null,
        };
  return keepMaskedSecrets(value, empty).errors;
}

/** One credential of a definition: its part and place, and the field an error about it names. */
export interface CredentialField {
  part: Part;
  place: string;
  /** `auth.token`, `headers.X-Api-Key`, `url` (a query parameter), `body`. */
  field: string;
  value: string;
}

export function credentialFields(value: SecretBearing): CredentialField[] {
  return SECTIONS.flatMap((section) =>
    Object.entries(credentialsOf(section, value)).map(([place, credential]) => ({
      part: section.part,
      place,
      field: section.field(place),
      value: credential,
    })),
  );
}

/** The definition with each credential replaced by what `replace` makes of its field and place. */
export function replaceCredentials<T extends SecretBearing>(
  value: T,
  replace: (credential: Omit<CredentialField, 'value'>) => string,
): T {
  return SECTIONS.reduce(
    (view, section) =>
      section.rewrite(view, ({ place }) =>
        replace({ part: section.part, place, field: section.field(place) }),
      ),
    value,
  );
}
