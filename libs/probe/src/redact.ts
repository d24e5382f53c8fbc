const REDACTED = '[redacted]';
const ALWAYS_REDACTED_HEADERS = new Set(['set-cookie', 'cookie', 'authorization', 'proxy-authorization']);
/** Secrets shorter than this are not searched for: replacing every "1" would destroy the evidence. */
const MIN_SECRET_LENGTH = 4;

/** Removes the integration's secrets (and their URL and base64 forms) from text shown as evidence. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
    ])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  secrets: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      ALWAYS_REDACTED_HEADERS.has(name) ? REDACTED : redactText(value, secrets),
    ]),
  );
}
