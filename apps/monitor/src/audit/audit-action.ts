/** What a successful write did, as the audit log records it. */
export interface AuditAction {
  objectType: string;
  /** created, changed, paused, resumed, deleted, tested, acknowledged, shape_accepted, password_changed */
  verb: string;
  objectId: string | null;
  /** The fields the request sent, one level deep (`auth.token`), never their values. */
  fields: string[];
}

const OBJECT_TYPES: Readonly<Record<string, string>> = {
  integrations: 'integration',
  probe: 'integration',
  'alert-rules': 'alert_rule',
  channels: 'channel',
  silences: 'silence',
  alerts: 'alert',
  users: 'user',
  tokens: 'token',
};

const SUFFIX_VERBS: Readonly<Record<string, string>> = {
  probe: 'tested',
  test: 'tested',
  acknowledge: 'acknowledged',
  // POST /api/integrations/:id/shape/accept
  shape: 'shape_accepted',
};

const METHOD_VERBS: Readonly<Record<string, string>> = {
  POST: 'created',
  PUT: 'changed',
  PATCH: 'changed',
  DELETE: 'deleted',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names of the fields a body sent: `name`, `auth.type`, `auth.token`… (never a value). */
export function sentFields(body: unknown): string[] {
  if (!isObject(body)) return [];
  return Object.entries(body)
    .flatMap(([key, value]) =>
      isObject(value) && Object.keys(value).length > 0
        ? Object.keys(value).map((sub) => `${key}.${sub}`)
        : [key],
    )
    .sort();
}

/**
 * The audit action of a write to a route (`/api/integrations/:id/probe`), or null for what is not a change of
 * anything stored: signing in and out, accepting an invitation.
 */
export function auditAction(
  method: string,
  routePath: string,
  params: Readonly<Record<string, string | undefined>>,
  query: Readonly<Record<string, unknown>>,
  body: unknown,
  callerUserId: string | null,
): AuditAction | null {
  const [prefix, resource, , suffix] = routePath.split('/').filter(Boolean);
  if (prefix !== 'api' || resource === undefined) return null;
  if (routePath === '/api/session/password')
    return { objectType: 'user', verb: 'password_changed', objectId: callerUserId, fields: [] };
  const objectType = OBJECT_TYPES[resource];
  if (!objectType) return null;
  const fields = sentFields(body);
  // POST /api/probe: a dry run of a definition, of an integration being edited when it names one.
  if (resource === 'probe')
    return {
      objectType,
      verb: 'tested',
      objectId: typeof query.integrationId === 'string' ? query.integrationId : null,
      fields: [],
    };
  const verb = suffix ? SUFFIX_VERBS[suffix] : METHOD_VERBS[method];
  if (!verb) return null;
  const pausedOnly = verb === 'changed' && fields.length === 1 && fields[0] === 'paused' && isObject(body);
  return {
    objectType,
    verb: pausedOnly ? (body.paused ? 'paused' : 'resumed') : verb,
    objectId: params.id ?? null,
    fields: suffix ? [] : fields,
  };
}
