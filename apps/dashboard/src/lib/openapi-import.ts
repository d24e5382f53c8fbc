import type {
  Auth,
  HttpIntegrationRequest,
  ImportedApi,
  ImportedOperation,
  ImportedSecurityScheme,
} from '@ihm/contracts';

/** What the user chose for the operations they import: where the API is, how to sign in, the path's values. */
export interface ImportChoices {
  baseUrl: string;
  scheme: ImportedSecurityScheme | null;
  /** The key, token or password, as typed. */
  secret: string;
  /** For HTTP basic. */
  username: string;
  /** `{name}` → value, for every path parameter. */
  parameters: Readonly<Record<string, string>>;
}

export type ImportOutcome = { ok: true; request: HttpIntegrationRequest } | { ok: false; problem: string };

const NAME_MAX = 100;

const withinMax = (name: string) => (name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name);

/** A name not yet taken: the operation's method and path appended (then a number), within 100 characters. */
export function distinctName(name: string, operation: ImportedOperation, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const suffix = ` (${operation.method} ${operation.path})`;
  for (let n = 1; ; n += 1) {
    const tail = n === 1 ? suffix : `${suffix} ${n}`;
    const candidate = `${name.slice(0, Math.max(1, NAME_MAX - tail.length))}${tail}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The auth of the chosen scheme, or why it cannot be set here. */
export function authOf({ scheme, secret, username }: ImportChoices): { auth: Auth } | { problem: string } {
  if (!scheme) return { auth: { type: 'none' } };
  if (secret === '') return { problem: `give the ${scheme.name} credential` };
  if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query') && scheme.parameter)
    return { auth: { type: 'apiKey', in: scheme.in, name: scheme.parameter, value: secret } };
  if (scheme.type === 'http' && scheme.scheme === 'bearer')
    return { auth: { type: 'bearer', token: secret } };
  if (scheme.type === 'http' && scheme.scheme === 'basic')
    return username === ''
      ? { problem: `give the ${scheme.name} username` }
      : { auth: { type: 'basic', username, password: secret } };
  if (scheme.type === 'oauth2' && scheme.clientCredentials) {
    if (username === '') return { problem: `give the ${scheme.name} client id` };
    const { tokenUrl, scopes } = scheme.clientCredentials;
    return {
      auth: {
        type: 'oauth2ClientCredentials',
        tokenUrl,
        clientId: username,
        clientSecret: secret,
        ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
      },
    };
  }
  return {
    problem: `${scheme.name} (${scheme.type}${scheme.in ? ` in ${scheme.in}` : ''}) is not one the import can set: import without it and edit the integration`,
  };
}

/** The URL of an operation: the base URL and its path, each `{parameter}` filled in and encoded. */
export function operationUrl(
  baseUrl: string,
  operation: ImportedOperation,
  parameters: ImportChoices['parameters'],
): string | { missing: string } {
  const missing = operation.pathParameters.find((name) => (parameters[name] ?? '').trim() === '');
  if (missing !== undefined) return { missing };
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(parameters[name]!.trim()),
  );
  return baseUrl.trim().replace(/\/+$/, '') + path;
}

/** The integration an imported operation becomes: its method, URL, expected status and response schema. */
export function integrationFromOperation(
  api: ImportedApi,
  operation: ImportedOperation,
  choices: ImportChoices,
): ImportOutcome {
  if (!/^https?:\/\//i.test(choices.baseUrl.trim()))
    return { ok: false, problem: 'give the base URL of the API (http:// or https://)' };
  const url = operationUrl(choices.baseUrl, operation, choices.parameters);
  if (typeof url !== 'string') return { ok: false, problem: `fill in {${url.missing}}` };
  const auth = authOf(choices);
  if ('problem' in auth) return { ok: false, problem: auth.problem };
  const name = `${api.title}: ${operation.summary || `${operation.method} ${operation.path}`}`;
  return {
    ok: true,
    request: {
      name: withinMax(name),
      url,
      method: operation.method as HttpIntegrationRequest['method'],
      auth: auth.auth,
      ...(operation.expectedStatus !== null ? { expectedStatus: [operation.expectedStatus] } : {}),
      responseSchema: operation.responseSchema,
      tags: ['openapi', operation.tag].filter((tag) => tag !== 'untagged'),
    },
  };
}
