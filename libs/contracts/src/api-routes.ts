import { z } from 'zod';
import {
  AcceptInviteRequestSchema,
  ApiTokenListSchema,
  ChangePasswordRequestSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  CreatedUserSchema,
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  UserListSchema,
  UserSchema,
  type Role,
} from './access.contract';
import { AlertDetailSchema, AlertListQuerySchema, AlertListSchema } from './alert.contract';
import {
  AlertRuleListSchema,
  AlertRulePatchSchema,
  AlertRuleRequestSchema,
  AlertRuleSchema,
} from './alert-rule.contract';
import { AuditPageSchema, AuditQuerySchema } from './audit.contract';
import {
  ChannelDeliveryListSchema,
  ChannelDeliveryQuerySchema,
  ChannelListSchema,
  ChannelRequestSchema,
  ChannelSchema,
  ChannelTestResultSchema,
} from './channel.contract';
import {
  CreateIntegrationRequestSchema,
  DryRunQuerySchema,
  DryRunRequestSchema,
  IntegrationListSchema,
  IntegrationSchema,
  ListIntegrationsQuerySchema,
  UpdateIntegrationRequestSchema,
} from './integration.contract';
import { ImportedApiSchema, OpenApiImportRequestSchema } from './openapi-import.contract';
import { OverviewQuerySchema, OverviewSchema } from './overview.contract';
import { ProbeResultPageSchema, ProbeResultSchema, ResultsQuerySchema } from './probe-result.contract';
import { ShapeReportSchema } from './response-shape.contract';
import { SessionSchema, SignInRequestSchema, WhoAmISchema } from './session.contract';
import { SilenceListSchema, SilenceRequestSchema, SilenceSchema } from './silence.contract';
import { TrendQuerySchema, TrendSchema } from './trend.contract';
import { WebhookAnswerSchema } from './webhook.contract';

/** A schema with the name it has among the document's components. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });

/**
 * Who may call a route: nobody in particular (`public`), a caller with at least this role (an API token or a
 * dashboard session), a signed-in user whatever their role (`session`: their own account), the scraper with
 * METRICS_TOKEN (`metricsToken`, open when it is unset), or a webhook sender whose signature the integration checks.
 */
export type ApiAccess = 'public' | Role | 'session' | 'metricsToken' | 'signature';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: ApiMethod;
  /** As the router holds it: `/api/integrations/:id`. */
  path: string;
  tag: string;
  summary: string;
  access: ApiAccess;
  query?: NamedSchema;
  body?: NamedSchema;
  /** The answer on success: its status, and its JSON body's schema, or another content type, or none. */
  success: { status: number; body?: NamedSchema; contentType?: string; description?: string };
  /** Answers other than success and the common errors (ErrorBody) that have a body of their own. */
  otherAnswers?: readonly { status: number; description: string; body: NamedSchema }[];
}

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  reason: z.string().optional(),
});

const READINESS = named('Readiness', ReadinessSchema);
const WEBHOOK_ANSWER = named('WebhookAnswer', WebhookAnswerSchema);

const ok = (name: string, schema: z.ZodType) => ({ status: 200, body: named(name, schema) });
const created = (name: string, schema: z.ZodType) => ({ status: 201, body: named(name, schema) });
const noContent = { status: 204 };

const INTEGRATION = named('Integration', IntegrationSchema);
const CHANNEL = named('Channel', ChannelSchema);
const SILENCE = named('Silence', SilenceSchema);
const ALERT_RULE = named('AlertRule', AlertRuleSchema);
const SESSION = named('Session', SessionSchema);
const SHAPE_REPORT = named('ShapeReport', ShapeReportSchema);

/**
 * Every route the monitor serves, with what it reads and answers: the one description of the API, from which
 * the OpenAPI document is made (openapi-document.ts) and against which the access test checks the roles.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/health',
    tag: 'operations',
    summary: 'The process is up',
    access: 'public',
    success: ok('Health', HealthSchema),
  },
  {
    method: 'GET',
    path: '/ready',
    tag: 'operations',
    summary: 'The database answers and every migration is applied (503 otherwise)',
    access: 'public',
    success: { status: 200, body: READINESS },
    otherAnswers: [{ status: 503, description: 'Not ready, and why', body: READINESS }],
  },
  {
    method: 'GET',
    path: '/metrics',
    tag: 'operations',
    summary: "Prometheus exposition: the monitor's own metrics and every integration's series",
    access: 'metricsToken',
    success: {
      status: 200,
      contentType: 'text/plain; version=0.0.4',
      description:
        'The text format, or OpenMetrics when Accept asks for it; gzipped when Accept-Encoding allows',
    },
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    tag: 'operations',
    summary: 'This document',
    access: 'viewer',
    success: { status: 200, contentType: 'application/json', description: 'An OpenAPI 3.1 document' },
  },
  {
    method: 'POST',
    path: '/api/session',
    tag: 'access',
    summary: 'Sign in with email and password',
    access: 'public',
    body: named('SignInRequest', SignInRequestSchema),
    success: { status: 201, body: SESSION },
  },
  {
    method: 'GET',
    path: '/api/session',
    tag: 'access',
    summary: 'Who the caller is, and with which role',
    access: 'viewer',
    success: ok('WhoAmI', WhoAmISchema),
  },
  {
    method: 'DELETE',
    path: '/api/session',
    tag: 'access',
    summary: 'Sign out (with an API token, nothing happens)',
    access: 'viewer',
    success: noContent,
  },
  {
    method: 'PUT',
    path: '/api/session/password',
    tag: 'access',
    summary: "Change the signed-in user's password",
    access: 'session',
    body: named('ChangePasswordRequest', ChangePasswordRequestSchema),
    success: { status: 200, body: SESSION },
  },
  {
    method: 'POST',
    path: '/api/invites/:invite',
    tag: 'access',
    summary: 'Accept an invitation: set a password and sign in',
    access: 'public',
    body: named('AcceptInviteRequest', AcceptInviteRequestSchema),
    success: { status: 200, body: SESSION },
  },
  {
    method: 'GET',
    path: '/api/users',
    tag: 'access',
    summary: 'List users',
    access: 'admin',
    success: ok('UserList', UserListSchema),
  },
  {
    method: 'POST',
    path: '/api/users',
    tag: 'access',
    summary: 'Invite a user',
    access: 'admin',
    body: named('CreateUserRequest', CreateUserRequestSchema),
    success: created('CreatedUser', CreatedUserSchema),
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    tag: 'access',
    summary: "Change a user's name, role or state",
    access: 'admin',
    body: named('UpdateUserRequest', UpdateUserRequestSchema),
    success: ok('User', UserSchema),
  },
  {
    method: 'GET',
    path: '/api/tokens',
    tag: 'access',
    summary: "List API tokens (an admin sees everyone's)",
    access: 'viewer',
    success: ok('ApiTokenList', ApiTokenListSchema),
  },
  {
    method: 'POST',
    path: '/api/tokens',
    tag: 'access',
    summary: 'Create an API token (shown once), with a role no higher than the caller’s',
    access: 'viewer',
    body: named('CreateApiTokenRequest', CreateApiTokenRequestSchema),
    success: created('CreatedApiToken', CreatedApiTokenSchema),
  },
  {
    method: 'DELETE',
    path: '/api/tokens/:id',
    tag: 'access',
    summary: 'Revoke an API token',
    access: 'viewer',
    success: noContent,
  },
  {
    method: 'GET',
    path: '/api/audit',
    tag: 'access',
    summary: 'Audit events, newest first, a page at a time',
    access: 'viewer',
    query: named('AuditQuery', AuditQuerySchema),
    success: ok('AuditPage', AuditPageSchema),
  },
  {
    method: 'POST',
    path: '/api/integrations',
    tag: 'integrations',
    summary: 'Register an integration',
    access: 'editor',
    body: named('CreateIntegrationRequest', CreateIntegrationRequestSchema),
    success: { status: 201, body: INTEGRATION },
  },
  {
    method: 'GET',
    path: '/api/integrations',
    tag: 'integrations',
    summary: 'List integrations with their latest status',
    access: 'viewer',
    query: named('ListIntegrationsQuery', ListIntegrationsQuerySchema),
    success: ok('IntegrationList', IntegrationListSchema),
  },
  {
    method: 'GET',
    path: '/api/integrations/:id',
    tag: 'integrations',
    summary: 'One integration (secrets masked)',
    access: 'viewer',
    success: { status: 200, body: INTEGRATION },
  },
  {
    method: 'PATCH',
    path: '/api/integrations/:id',
    tag: 'integrations',
    summary: 'Change an integration (a masked secret keeps the stored one)',
    access: 'editor',
    body: named('UpdateIntegrationRequest', UpdateIntegrationRequestSchema),
    success: { status: 200, body: INTEGRATION },
  },
  {
    method: 'DELETE',
    path: '/api/integrations/:id',
    tag: 'integrations',
    summary: 'Delete an integration and its results',
    access: 'editor',
    success: noContent,
  },
  {
    method: 'GET',
    path: '/api/integrations/:id/results',
    tag: 'integrations',
    summary: "An integration's results, newest first, a page at a time",
    access: 'viewer',
    query: named('ResultsQuery', ResultsQuerySchema),
    success: ok('ProbeResultPage', ProbeResultPageSchema),
  },
  {
    method: 'GET',
    path: '/api/integrations/:id/trend',
    tag: 'integrations',
    summary: "An integration's latency and outcomes over time, from rollups",
    access: 'viewer',
    query: named('TrendQuery', TrendQuerySchema),
    success: ok('Trend', TrendSchema),
  },
  {
    method: 'GET',
    path: '/api/integrations/:id/shape',
    tag: 'integrations',
    summary: "What was learned of an integration's healthy responses (no JSON Schema set), and its drifts",
    access: 'viewer',
    success: { status: 200, body: SHAPE_REPORT },
  },
  {
    method: 'POST',
    path: '/api/integrations/:id/shape/accept',
    tag: 'integrations',
    summary: 'Accept the new shape of the responses: the open drift ends and the new shape is learned',
    access: 'editor',
    success: { status: 200, body: SHAPE_REPORT },
  },
  {
    method: 'POST',
    path: '/api/integrations/:id/probe',
    tag: 'integrations',
    summary: 'Probe an integration now and store the result',
    access: 'editor',
    success: ok('ProbeResult', ProbeResultSchema),
  },
  {
    method: 'POST',
    path: '/api/probe',
    tag: 'integrations',
    summary: 'Probe a definition without storing it (the form’s Test)',
    access: 'editor',
    query: named('DryRunQuery', DryRunQuerySchema),
    body: named('DryRunRequest', DryRunRequestSchema),
    success: ok('ProbeResult', ProbeResultSchema),
  },
  {
    method: 'POST',
    path: '/api/openapi-import',
    tag: 'integrations',
    summary:
      "List what a provider's OpenAPI 3.0/3.1 or Swagger 2.0 document offers to monitor (stores nothing)",
    access: 'editor',
    body: named('OpenApiImportRequest', OpenApiImportRequestSchema),
    success: ok('ImportedApi', ImportedApiSchema),
  },
  {
    method: 'GET',
    path: '/api/overview',
    tag: 'integrations',
    summary: "The fleet by status and by the guide's categories",
    access: 'viewer',
    query: named('OverviewQuery', OverviewQuerySchema),
    success: ok('Overview', OverviewSchema),
  },
  {
    method: 'POST',
    path: '/api/webhooks/:integrationId',
    tag: 'webhooks',
    summary: 'Receive a delivery for a webhook integration (its signature scheme authenticates it)',
    access: 'signature',
    success: { status: 202, body: WEBHOOK_ANSWER, description: 'Accepted and judged: the verdict' },
    otherAnswers: [
      {
        status: 200,
        description: 'A delivery already received (the same delivery id)',
        body: WEBHOOK_ANSWER,
      },
      { status: 400, description: 'Refused: not what the integration accepts', body: WEBHOOK_ANSWER },
      { status: 401, description: 'Refused: the signature does not verify', body: WEBHOOK_ANSWER },
      { status: 404, description: 'No webhook integration with this id', body: WEBHOOK_ANSWER },
      { status: 413, description: 'Refused: the body is over WEBHOOK_MAX_BODY_BYTES', body: WEBHOOK_ANSWER },
      {
        status: 429,
        description: 'Too many deliveries for this integration (Retry-After)',
        body: WEBHOOK_ANSWER,
      },
      {
        status: 503,
        description: 'The monitor cannot read the integration now (Retry-After)',
        body: WEBHOOK_ANSWER,
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/channels',
    tag: 'alerting',
    summary: 'Create a notification channel',
    access: 'editor',
    body: named('ChannelRequest', ChannelRequestSchema),
    success: { status: 201, body: CHANNEL },
  },
  {
    method: 'GET',
    path: '/api/channels',
    tag: 'alerting',
    summary: 'List channels with their delivery health',
    access: 'viewer',
    success: ok('ChannelList', ChannelListSchema),
  },
  {
    method: 'GET',
    path: '/api/channels/:id',
    tag: 'alerting',
    summary: 'One channel (secrets masked)',
    access: 'viewer',
    success: { status: 200, body: CHANNEL },
  },
  {
    method: 'PUT',
    path: '/api/channels/:id',
    tag: 'alerting',
    summary: 'Replace a channel (a masked secret keeps the stored one)',
    access: 'editor',
    body: named('ChannelRequest', ChannelRequestSchema),
    success: { status: 200, body: CHANNEL },
  },
  {
    method: 'DELETE',
    path: '/api/channels/:id',
    tag: 'alerting',
    summary: 'Delete a channel',
    access: 'editor',
    success: noContent,
  },
  {
    method: 'GET',
    path: '/api/channels/:id/deliveries',
    tag: 'alerting',
    summary: "A channel's deliveries, newest first",
    access: 'viewer',
    query: named('ChannelDeliveryQuery', ChannelDeliveryQuerySchema),
    success: ok('ChannelDeliveryList', ChannelDeliveryListSchema),
  },
  {
    method: 'POST',
    path: '/api/channels/:id/test',
    tag: 'alerting',
    summary: 'Send a test notification through a channel',
    access: 'editor',
    success: ok('ChannelTestResult', ChannelTestResultSchema),
  },
  {
    method: 'POST',
    path: '/api/alert-rules',
    tag: 'alerting',
    summary: 'Create an alert rule',
    access: 'editor',
    body: named('AlertRuleRequest', AlertRuleRequestSchema),
    success: { status: 201, body: ALERT_RULE },
  },
  {
    method: 'GET',
    path: '/api/alert-rules',
    tag: 'alerting',
    summary: 'List alert rules',
    access: 'viewer',
    success: ok('AlertRuleList', AlertRuleListSchema),
  },
  {
    method: 'GET',
    path: '/api/alert-rules/:id',
    tag: 'alerting',
    summary: 'One alert rule',
    access: 'viewer',
    success: { status: 200, body: ALERT_RULE },
  },
  {
    method: 'PATCH',
    path: '/api/alert-rules/:id',
    tag: 'alerting',
    summary: 'Change an alert rule',
    access: 'editor',
    body: named('AlertRulePatch', AlertRulePatchSchema),
    success: { status: 200, body: ALERT_RULE },
  },
  {
    method: 'DELETE',
    path: '/api/alert-rules/:id',
    tag: 'alerting',
    summary: 'Delete an alert rule',
    access: 'editor',
    success: noContent,
  },
  {
    method: 'GET',
    path: '/api/alerts',
    tag: 'alerting',
    summary: 'List alerts, newest first',
    access: 'viewer',
    query: named('AlertListQuery', AlertListQuerySchema),
    success: ok('AlertList', AlertListSchema),
  },
  {
    method: 'GET',
    path: '/api/alerts/:id',
    tag: 'alerting',
    summary: 'One alert with its deliveries',
    access: 'viewer',
    success: ok('AlertDetail', AlertDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/alerts/:id/acknowledge',
    tag: 'alerting',
    summary: 'Acknowledge a firing alert: reminders stop',
    access: 'editor',
    success: ok('AlertDetail', AlertDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/silences',
    tag: 'alerting',
    summary: 'Create a silence',
    access: 'editor',
    body: named('SilenceRequest', SilenceRequestSchema),
    success: { status: 201, body: SILENCE },
  },
  {
    method: 'GET',
    path: '/api/silences',
    tag: 'alerting',
    summary: 'List silences',
    access: 'viewer',
    success: ok('SilenceList', SilenceListSchema),
  },
  {
    method: 'GET',
    path: '/api/silences/:id',
    tag: 'alerting',
    summary: 'One silence',
    access: 'viewer',
    success: { status: 200, body: SILENCE },
  },
  {
    method: 'PUT',
    path: '/api/silences/:id',
    tag: 'alerting',
    summary: 'Replace a silence',
    access: 'editor',
    body: named('SilenceRequest', SilenceRequestSchema),
    success: { status: 200, body: SILENCE },
  },
  {
    method: 'DELETE',
    path: '/api/silences/:id',
    tag: 'alerting',
    summary: 'Delete a silence',
    access: 'editor',
    success: noContent,
  },
];
