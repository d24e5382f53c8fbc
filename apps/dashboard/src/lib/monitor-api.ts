import 'server-only';
import {
  AlertDetailSchema,
  AlertListSchema,
  AlertRuleListSchema,
  AlertRuleSchema,
  ApiTokenListSchema,
  AuditPageSchema,
  ChannelDeliveryListSchema,
  ChannelListSchema,
  ChannelSchema,
  ChannelTestResultSchema,
  CreatedApiTokenSchema,
  CreatedUserSchema,
  ErrorBodySchema,
  type FieldError,
  ImportedApiSchema,
  IntegrationListSchema,
  IntegrationSchema,
  OverviewSchema,
  ProbeResultPageSchema,
  ProbeResultSchema,
  SessionSchema,
  ShapeReportSchema,
  SilenceListSchema,
  SilenceSchema,
  TrendSchema,
  type TrendWindow,
  UserListSchema,
  UserSchema,
  WhoAmISchema,
} from '@ihm/contracts';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { monitorUrl } from './env';
import { readSessionToken } from './session-cookie';

/** The monitor did not answer, or answered something that is not its API: the dashboard shows a banner. */
export class MonitorUnavailableError extends Error {}

/** The monitor refused the request (4xx other than 401): its message and field errors, for the form. */
export class MonitorRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }
}

interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sign-in has no session yet; every other call sends the session token. */
  anonymous?: boolean;
  /** A 401 means a wrong password at sign-in, an expired session anywhere else. */
  onUnauthorized?: 'signIn' | 'error';
}

/** Every call of the dashboard to the monitor: authenticated with the session, parsed with the contracts. */
async function call<S extends z.ZodType>(
  path: string,
  schema: S,
  options: CallOptions = {},
): Promise<z.output<S>> {
  const base = monitorUrl();
  const token = options.anonymous ? null : await readSessionToken();
  if (!options.anonymous && !token) redirect('/signin');
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: options.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      // A probe may take its whole timeout (up to 120 s); reads answer fast or the monitor is in trouble.
      signal: AbortSignal.timeout(options.method && options.method !== 'GET' ? 130_000 : 10_000),
    });
  } catch {
    throw new MonitorUnavailableError(`The monitor at ${base} does not answer.`);
  }
  if (response.status === 204) return schema.parse(undefined);
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new MonitorUnavailableError(`The monitor at ${base} answered an unexpected body.`);
    return parsed.data;
  }
  const error = ErrorBodySchema.safeParse(body);
  if (response.status === 401 && (options.onUnauthorized ?? 'signIn') === 'signIn') redirect('/signin');
  if (response.status >= 500 || !error.success) {
    throw new MonitorUnavailableError(
      `The monitor answered ${response.status}${error.success ? `: ${error.data.message}` : ''}.`,
    );
  }
  throw new MonitorRequestError(response.status, error.data.message, error.data.details ?? []);
}

const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const id = (value: string) => encodeURIComponent(value);
const nothing = z.undefined();

export const monitorApi = {
  /** Without an email, the first admin. */
  signIn: (password: string, email?: string) =>
    call('/api/session', SessionSchema, {
      method: 'POST',
      body: { password, ...(email ? { email } : {}) },
      anonymous: true,
      onUnauthorized: 'error',
    }),
  acceptInvite: (invite: string, password: string) =>
    call(`/api/invites/${id(invite)}`, SessionSchema, {
      method: 'POST',
      body: { password },
      anonymous: true,
      onUnauthorized: 'error',
    }),
  whoAmI: () => call('/api/session', WhoAmISchema),
  changePassword: (currentPassword: string, newPassword: string) =>
    call('/api/session/password', SessionSchema, { method: 'PUT', body: { currentPassword, newPassword } }),
  tokens: () => call('/api/tokens', ApiTokenListSchema),
  createToken: (request: unknown) =>
    call('/api/tokens', CreatedApiTokenSchema, { method: 'POST', body: request }),
  revokeToken: (tokenId: string) => call(`/api/tokens/${id(tokenId)}`, nothing, { method: 'DELETE' }),
  users: () => call('/api/users', UserListSchema),
  createUser: (request: unknown) => call('/api/users', CreatedUserSchema, { method: 'POST', body: request }),
  updateUser: (userId: string, patch: unknown) =>
    call(`/api/users/${id(userId)}`, UserSchema, { method: 'PATCH', body: patch }),
  audit: (limit: number, before?: string) => call(`/api/audit${query({ limit, before })}`, AuditPageSchema),
  signOut: () => call('/api/session', nothing, { method: 'DELETE', onUnauthorized: 'error' }),
  overview: (params: Record<string, string | number | undefined>) =>
    call(`/api/overview${query(params)}`, OverviewSchema),
  /** Integrations by name for pickers (a rule's or a silence's scope): the first `limit`. */
  integrations: (limit: number) => call(`/api/integrations${query({ limit })}`, IntegrationListSchema),
  integration: (integrationId: string) => call(`/api/integrations/${id(integrationId)}`, IntegrationSchema),
  results: (integrationId: string, limit: number, cursor?: string) =>
    call(`/api/integrations/${id(integrationId)}/results${query({ limit, cursor })}`, ProbeResultPageSchema),
  trend: (integrationId: string, window: TrendWindow) =>
    call(`/api/integrations/${id(integrationId)}/trend${query({ window })}`, TrendSchema),
  /** What was learned of its healthy responses' shape, and the shape's changes (drift). */
  shape: (integrationId: string) => call(`/api/integrations/${id(integrationId)}/shape`, ShapeReportSchema),
  acceptShape: (integrationId: string) =>
    call(`/api/integrations/${id(integrationId)}/shape/accept`, ShapeReportSchema, { method: 'POST' }),
  create: (request: unknown) =>
    call('/api/integrations', IntegrationSchema, { method: 'POST', body: request }),
  update: (integrationId: string, patch: unknown) =>
    call(`/api/integrations/${id(integrationId)}`, IntegrationSchema, { method: 'PATCH', body: patch }),
  remove: (integrationId: string) =>
    call(`/api/integrations/${id(integrationId)}`, nothing, { method: 'DELETE' }),
  probeNow: (integrationId: string) =>
    call(`/api/integrations/${id(integrationId)}/probe`, ProbeResultSchema, { method: 'POST' }),
  /** With `basedOn`, masked secrets in the definition take that integration's stored values. */
  dryRun: (request: unknown, basedOn?: string) =>
    call(`/api/probe${query({ integrationId: basedOn })}`, ProbeResultSchema, {
      method: 'POST',
      body: request,
    }),
  alerts: (params: { state?: string; integrationId?: string; category?: string; limit?: number }) =>
    call(`/api/alerts${query(params)}`, AlertListSchema),
  alert: (alertId: string) => call(`/api/alerts/${id(alertId)}`, AlertDetailSchema),
  acknowledge: (alertId: string) =>
    call(`/api/alerts/${id(alertId)}/acknowledge`, AlertDetailSchema, { method: 'POST' }),
  channels: () => call('/api/channels', ChannelListSchema),
  channel: (channelId: string) => call(`/api/channels/${id(channelId)}`, ChannelSchema),
  createChannel: (request: unknown) =>
    call('/api/channels', ChannelSchema, { method: 'POST', body: request }),
  /** The whole channel again; a secret left out keeps the stored one. */
  replaceChannel: (channelId: string, request: unknown) =>
    call(`/api/channels/${id(channelId)}`, ChannelSchema, { method: 'PUT', body: request }),
  removeChannel: (channelId: string) => call(`/api/channels/${id(channelId)}`, nothing, { method: 'DELETE' }),
  testChannel: (channelId: string) =>
    call(`/api/channels/${id(channelId)}/test`, ChannelTestResultSchema, { method: 'POST' }),
  /** The channel's delivery attempts, newest first: `limit` of them, older than `before` (a `nextBefore`). */
  channelDeliveries: (channelId: string, limit: number, before?: string) =>
    call(`/api/channels/${id(channelId)}/deliveries${query({ limit, before })}`, ChannelDeliveryListSchema),
  alertRules: () => call('/api/alert-rules', AlertRuleListSchema),
  alertRule: (ruleId: string) => call(`/api/alert-rules/${id(ruleId)}`, AlertRuleSchema),
  createAlertRule: (request: unknown) =>
    call('/api/alert-rules', AlertRuleSchema, { method: 'POST', body: request }),
  updateAlertRule: (ruleId: string, patch: unknown) =>
    call(`/api/alert-rules/${id(ruleId)}`, AlertRuleSchema, { method: 'PATCH', body: patch }),
  removeAlertRule: (ruleId: string) => call(`/api/alert-rules/${id(ruleId)}`, nothing, { method: 'DELETE' }),
  /** As the monitor serves it, for the download; the reference page reads it with OpenApiDocumentSchema. */
  openApi: () => call('/api/openapi.json', z.record(z.string(), z.unknown())),
  openApiImport: (request: unknown) =>
    call('/api/openapi-import', ImportedApiSchema, { method: 'POST', body: request }),
  silences: () => call('/api/silences', SilenceListSchema),
  silence: (silenceId: string) => call(`/api/silences/${id(silenceId)}`, SilenceSchema),
  createSilence: (request: unknown) =>
    call('/api/silences', SilenceSchema, { method: 'POST', body: request }),
  /** The whole silence again. */
  replaceSilence: (silenceId: string, request: unknown) =>
    call(`/api/silences/${id(silenceId)}`, SilenceSchema, { method: 'PUT', body: request }),
  removeSilence: (silenceId: string) => call(`/api/silences/${id(silenceId)}`, nothing, { method: 'DELETE' }),
};
