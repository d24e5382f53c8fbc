import { credentialValuesIn, isCredentialName, type Auth } from '@ihm/contracts';

const REDACTED = '[redacted]';
const ALWAYS_REDACTED_HEADERS = new Set(['set-cookie', 'cookie', 'authorization', 'proxy-authorization']);
/** Secrets shorter than this are not searched for: replacing every "1" would destroy the evidence. */
const MIN_SECRET_LENGTH = 4;

/** What of a definition holds the credentials a redaction looks for. */
export interface RedactedTarget {
  url: string;
  auth: Auth;
  headers: Readonly<Record<string, string>>;
  body: string | null;
  clientCertificate?: { privateKey: string; passphrase?: string } | null;
  signing?: { secret: string } | null;
}

/** Removes one integration's secrets from what a result shows: its message, steps and evidence. */
export interface Redaction {
  text(text: string): string;
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
}

/**
 * The redaction for an integration's credentials: its auth block's secrets, its credential-like headers, query
 * parameters and body fields, and what a probe obtained on its behalf (an OAuth2 access token).
 */
export function redactionFor(target: RedactedTarget, obtained: readonly string[] = []): Redaction {
  const text = textRedaction([
    ...secretsOf(target.auth, target.headers),
    ...credentialValuesIn(target.url, target.body),
    ...(target.clientCertificate
      ? [target.clientCertificate.privateKey, target.clientCertificate.passphrase ?? '']
      : []),
    ...(target.signing ? [target.signing.secret] : []),
    ...obtained,
  ]);
  return {
    text,
    headers: (headers) =>
      Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [
          name,
          ALWAYS_REDACTED_HEADERS.has(name) ? REDACTED : text(value),
        ]),
      ),
  };
}

/**
 * Replaces each secret, and each secret in the forms it travels in: URL-encoded (as encodeURIComponent and as a
 * query string encodes it) and base64 (basic auth). A URL that is itself a secret (a Slack webhook) also by its
 * path and query, which is what a receiver that quotes its request shows.
 */
export function textRedaction(secrets: readonly string[]): (text: string) => string {
  const travelling = secrets.flatMap((secret) => {
    const url = URL.canParse(secret) ? new URL(secret) : null;
    return url && url.pathname.length > 1 ? [secret, `${url.pathname}${url.search}`] : [secret];
  });
  // Longest first: a secret inside a longer one must not leave the rest of the longer one showing.
  const forms = [
    ...new Set(
      travelling
        .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
        .flatMap((secret) => [
          secret,
          encodeURIComponent(secret),
          new URLSearchParams({ s: secret }).toString().slice(2),
          Buffer.from(secret).toString('base64'),
        ]),
    ),
  ].sort((a, b) => b.length - a.length);
  return (input) => forms.reduce((out, form) => out.split(form).join(REDACTED), input);
}

function secretsOf(auth: Auth, headers: Readonly<Record<string, string>>): string[] {
  const fromAuth =
    auth.type === 'apiKey'
      ? [auth.value]
      : auth.type === 'bearer'
        ? [auth.token]
        : auth.type === 'basic'
          ? [auth.password, `${auth.username}:${auth.password}`]
          : auth.type === 'oauth2ClientCredentials'
            ? // client_secret_basic sends the pair, each half form-encoded (RFC 6749 §2.3.1).
              [
                auth.clientSecret,
                `${auth.clientId}:${auth.clientSecret}`,
                `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`,
              ]
            : [];
  const fromHeaders = Object.entries(headers)
    .filter(([name]) => isCredentialName(name))
    .map(([, value]) => value);
  return [...fromAuth, ...fromHeaders];
}
