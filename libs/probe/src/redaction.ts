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
  const secrets = [
    ...secretsOf(target.auth, target.headers),
    ...credentialValuesIn(target.url, target.body),
    ...obtained,
  ].filter(
    (s) => s.length >= MIN_SECRET_LENGTH,
  );
  // Each secret also in the forms it travels in: URL-encoded (as encodeURIComponent and as a query string
  // encodes it) and base64 (basic auth). Longest first: a secret inside a longer one must not leave the rest of
  // the longer one showing.
  const forms = [
    ...new Set(
      secrets.flatMap((secret) => [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
        Buffer.from(secret).toString('base64'),
      ]),
    ),
  ].sort((a, b) => b.length - a.length);
  const text = (input: string) => forms.reduce((out, form) => out.split(form).join(REDACTED), input);
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

function secretsOf(auth: Auth, headers: Readonly<Record<string, string>>): string[] {
  const fromAuth =
    auth.type === 'apiKey'
      ? [auth.value]
      : auth.type === 'bearer'
        ? [auth.token]
        : auth.type === 'basic'
          ? [auth.password, `${auth.username}:${auth.password}`]
          : auth.type === 'oauth2ClientCredentials'
            ? [auth.clientSecret]
            : [];
  const fromHeaders = Object.entries(headers)
    .filter(([name]) => isCredentialName(name))
    .map(([, value]) => value);
  return [...fromAuth, ...fromHeaders];
}
