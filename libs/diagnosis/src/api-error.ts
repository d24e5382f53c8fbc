/** What an error response says about itself, read from the body and the headers, whatever the provider. */
export interface ApiSaid {
  /** Short machine codes: `invalid_token`, `UNAUTHENTICATED`, `rate_limit_exceeded`. */
  codes: string[];
  /** Human sentences: `The access token expired`. */
  messages: string[];
  /** A scope the API says is missing, when it names one. */
  missingScope: string | null;
  /** The first field or parameter the API names as wrong, when it names one. */
  field: string | null;
}

const CODE_KEYS = new Set([
  '__type',
  'error',
  'error_code',
  'errorcode',
  'code',
  'type',
  'status',
  'reason',
  'error_type',
  'errortype',
  'faultcode',
  'subcode',
]);
const MESSAGE_KEYS = new Set([
  'message',
  'error_description',
  'errordescription',
  'detail',
  'details',
  'title',
  'description',
  'msg',
  'error_message',
  'errormessage',
  'faultstring',
  'error_msg',
  // Shopify's REST errors are one string: `{"errors": "[API] Invalid API key or access token"}`.
  'errors',
]);
const NESTED_KEYS = new Set([
  'error',
  'errors',
  'fault',
  'extensions',
  'meta',
  'data',
  // Where APIs name the offending field: JSON:API `source.pointer`, Google `details[].fieldViolations[].field`,
  // PayPal `details[].field`.
  'source',
  'details',
  'fieldviolations',
]);
const FIELD_KEYS = new Set([
  'param',
  'field',
  'parameter',
  'pointer',
  'property',
  'path',
  'attribute',
  'name',
]);
const SCOPE_KEYS = new Set([
  'scope',
  'scopes',
  'required_scope',
  'required_scopes',
  'missing_scope',
  'missing_scopes',
  // Slack: `{"ok": false, "error": "missing_scope", "needed": "chat:write"}`.
  'needed',
]);

// Arrays count as a level: Google nests a field five deep (error.details[].fieldViolations[].field).
const MAX_DEPTH = 6;
const MAX_ARRAY_ITEMS = 5;
const CODE_LIKE = /^[A-Za-z][A-Za-z0-9_.:-]{1,63}$/;

/** Whether a 2xx body is in fact an error envelope (`{"error": …}`, GraphQL `errors`, `success: false`). */
export function hasErrorMarker(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  const error = record.error ?? record.Error;
  if (error !== undefined && error !== null && error !== false && error !== '' && !isEmptyObject(error))
    return true;
  if (Array.isArray(record.errors) && record.errors.length > 0) return true;
  if (record.fault !== undefined && record.fault !== null) return true;
  if (record.success === false || record.ok === false) return true;
  return typeof record.status === 'string' && /^(error|fail|failure|failed)$/i.test(record.status);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/**
 * A value under a code key: a code (`invalid_token`, a numeric `20003`), nothing (a problem+json `type` URL), or,
 * when it is a sentence, a message. AWS names its errors `namespace#ThrottlingException`.
 */
function readCode(key: string, text: string, into: ApiSaid): void {
  if (/^(about:|https?:\/\/)/i.test(text)) return;
  const code = key === '__type' ? text.slice(text.lastIndexOf('#') + 1) : text;
  (/^\d+$/.test(code) || CODE_LIKE.test(code) ? into.codes : into.messages).push(code);
}

function walk(value: unknown, depth: number, into: ApiSaid): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_ARRAY_ITEMS)) walk(item, depth + 1, into);
    return;
  }
  if (typeof value !== 'object') return;
  for (const [rawKey, child] of Object.entries(value as Record<string, unknown>)) {
    const key = rawKey.toLowerCase();
    if (typeof child === 'string' || typeof child === 'number') {
      const text = String(child).trim();
      if (!text) continue;
      if (CODE_KEYS.has(key)) readCode(key, text, into);
      else if (MESSAGE_KEYS.has(key)) into.messages.push(text);
      else if (SCOPE_KEYS.has(key) && typeof child === 'string') into.missingScope ??= text;
      else if (FIELD_KEYS.has(key) && typeof child === 'string' && depth > 0) into.field ??= text;
    } else if (NESTED_KEYS.has(key) || (Array.isArray(child) && SCOPE_KEYS.has(key))) {
      if (SCOPE_KEYS.has(key) && Array.isArray(child)) into.missingScope ??= child.map(String).join(' ');
      else walk(child, depth + 1, into);
    }
  }
}

const XML_CODE = /<(?:[\w-]+:)?(?:Code|ErrorCode|faultcode)>\s*([^<]{1,100}?)\s*<\//gi;
const XML_MESSAGE = /<(?:[\w-]+:)?(?:Message|ErrorMessage|faultstring|Reason)>\s*([^<]{1,300}?)\s*<\//gi;
const HTML_HEADLINE = /<(title|h1)[^>]*>\s*([^<]{1,200}?)\s*<\/\1>/gi;

/**
 * A body that is not JSON: XML error documents (AWS, Azure Storage, SOAP faults) give their code and message;
 * an HTML error page its title or first heading; anything else is quoted as text, markup stripped.
 */
function readText(body: string, into: ApiSaid): void {
  const text = body.trim();
  if (!text) return;
  if (text.startsWith('<')) {
    const codes = [...text.matchAll(XML_CODE)].map((m) => m[1]!).filter((code) => CODE_LIKE.test(code));
    const messages = [...text.matchAll(XML_MESSAGE), ...text.matchAll(HTML_HEADLINE)].map((m) => m.at(-1)!);
    into.codes.push(...codes);
    into.messages.push(...new Set(messages.map(decodeEntities)));
    if (codes.length > 0 || messages.length > 0) return;
  }
  const plain = decodeEntities(text.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (plain) into.messages.push(plain.slice(0, 300));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

/** `Bearer realm="x", error="invalid_token", error_description="…", scope="a b"` → its parameters. */
export function parseWwwAuthenticate(value: string | undefined): Record<string, string> {
  if (!value) return {};
  const params: Record<string, string> = {};
  for (const [, key, quoted, bare] of value.matchAll(
    /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g,
  )) {
    params[key!.toLowerCase()] = (quoted ?? bare ?? '').replace(/\\(.)/g, '$1');
  }
  return params;
}

/** A scope named in a sentence: "lacks scope `orders:read`", "requires the 'repo' scope". */
function scopeInText(text: string): string | null {
  const match =
    /\bscopes?\s*[:=]?\s*[`'"]?([a-z][\w:./-]*[\w])[`'"]?/i.exec(text) ??
    /[`'"]([a-z][\w:./-]*)[`'"]\s+scope/i.exec(text);
  const scope = match?.[1];
  return scope && !/^(is|are|of|the|to|for|that|required|missing|insufficient)$/i.test(scope) ? scope : null;
}

/** Reads codes, messages, a missing scope and a named field from a response, provider-agnostically. */
export function readApiSaid(body: unknown, headers: Readonly<Record<string, string>>): ApiSaid {
  const said: ApiSaid = { codes: [], messages: [], missingScope: null, field: null };
  if (typeof body === 'string') readText(body, said);
  else walk(body, 0, said);
  const challenge = parseWwwAuthenticate(headers['www-authenticate']);
  if (challenge.error) said.codes.unshift(challenge.error);
  if (challenge.error_description) said.messages.unshift(challenge.error_description);
  if (challenge.error === 'insufficient_scope' && challenge.scope) said.missingScope ??= challenge.scope;
  // GitHub: the scopes an endpoint accepts versus those the token has.
  const accepted = headers['x-accepted-oauth-scopes'];
  const granted = new Set(
    (headers['x-oauth-scopes'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (accepted && headers['x-oauth-scopes'] !== undefined) {
    const missing = accepted
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && !granted.has(s));
    if (missing.length > 0) said.missingScope ??= missing.join(', ');
  }
  if (!said.missingScope && said.codes.some((code) => /scope/i.test(code))) {
    for (const message of said.messages) said.missingScope ??= scopeInText(message);
  }
  return said;
}
