import {
  INTEGRATION_DEFAULTS,
  MASKED_SECRET,
  isCredentialName,
  type AuthType,
  type HttpIntegration,
  type HttpMethod,
  type Integration,
  type IntegrationKind,
} from '@ihm/contracts';
import {
  NO_SIGNING,
  NO_WEBHOOK,
  signingFormOf,
  webhookFormOf,
  type SigningForm,
  type WebhookForm,
} from './webhook-form-state';

export interface HeaderRow {
  /** Stable per row, so that React keeps each row's inputs and ids while rows come and go. */
  key: number;
  name: string;
  value: string;
}

/** Every auth type's fields at once: switching types back and forth keeps what was typed. */
export interface AuthForm {
  type: AuthType;
  in: 'header' | 'query';
  name: string;
  value: string;
  token: string;
  username: string;
  password: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  clientAuthentication: 'client_secret_basic' | 'client_secret_post';
}

/**
 * Mutual TLS. The certificate is public and shown as stored; the private key and its passphrase are secrets,
 * write-only like the auth block's. Turned off, the inputs keep what was typed but nothing of it is sent.
 */
export interface ClientCertificateForm {
  enabled: boolean;
  certificate: string;
  privateKey: string;
  passphrase: string;
}

/** Which secrets the edited integration has stored: their inputs start empty and may stay so. */
export interface StoredSecrets {
  authType: AuthType;
  headerNames: string[];
  /** The stored client certificate's secrets: its key always, a passphrase when it has one. */
  clientCertificate: { passphrase: boolean } | null;
  /** Whether the http integration's signing secret, or the webhook's receiving secret, is stored. */
  signingSecret: boolean;
  webhookSecret: boolean;
}

/** What the inputs hold: text as typed, converted to a request by `toRequest`. */
export interface FormState {
  /** Chosen when registering; fixed once created. */
  kind: IntegrationKind;
  name: string;
  url: string;
  method: HttpMethod;
  headers: HeaderRow[];
  body: string;
  auth: AuthForm;
  clientCertificate: ClientCertificateForm;
  signing: SigningForm;
  webhook: WebhookForm;
  expectedStatus: string;
  responseSchema: string;
  intervalSeconds: string;
  timeoutMs: string;
  latencyThresholdMs: string;
  rateLimitWarnPercent: string;
  tokenExpiryWarnDays: string;
  certificateExpiryWarnDays: string;
  paused: boolean;
  tags: string;
  stored: StoredSecrets | null;
}

const NO_AUTH: AuthForm = {
  type: 'none',
  in: 'header',
  name: '',
  value: '',
  token: '',
  username: '',
  password: '',
  tokenUrl: '',
  clientId: '',
  clientSecret: '',
  scope: '',
  clientAuthentication: 'client_secret_basic',
};

const NO_CLIENT_CERTIFICATE: ClientCertificateForm = {
  enabled: false,
  certificate: '',
  privateKey: '',
  passphrase: '',
};

export function methodTakesBody(method: HttpMethod): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

export function emptyForm(): FormState {
  return {
    kind: 'http',
    name: '',
    url: '',
    method: INTEGRATION_DEFAULTS.method,
    headers: [],
    body: '',
    auth: NO_AUTH,
    clientCertificate: NO_CLIENT_CERTIFICATE,
    signing: NO_SIGNING,
    webhook: NO_WEBHOOK,
    expectedStatus: '',
    responseSchema: '',
    intervalSeconds: String(INTEGRATION_DEFAULTS.intervalSeconds),
    timeoutMs: String(INTEGRATION_DEFAULTS.timeoutMs),
    latencyThresholdMs: '',
    rateLimitWarnPercent: String(INTEGRATION_DEFAULTS.rateLimitWarnPercent),
    tokenExpiryWarnDays: String(INTEGRATION_DEFAULTS.tokenExpiryWarnDays),
    certificateExpiryWarnDays: String(INTEGRATION_DEFAULTS.certificateExpiryWarnDays),
    paused: INTEGRATION_DEFAULTS.paused,
    tags: '',
    stored: null,
  };
}

/** The auth block without its secrets: the API masks them, and a masked value never goes into an input. */
function authFormOf(auth: HttpIntegration['auth']): AuthForm {
  switch (auth.type) {
    case 'none':
      return NO_AUTH;
    case 'apiKey':
      return { ...NO_AUTH, type: auth.type, in: auth.in, name: auth.name };
    case 'bearer':
      return { ...NO_AUTH, type: auth.type };
    case 'basic':
      return { ...NO_AUTH, type: auth.type, username: auth.username };
    case 'oauth2ClientCredentials':
      return {
        ...NO_AUTH,
        type: auth.type,
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        scope: auth.scope ?? '',
        clientAuthentication: auth.clientAuthentication ?? 'client_secret_basic',
      };
  }
}

/** The certificate alone: the key and passphrase come back masked, and a mask never goes into an input. */
function clientCertificateFormOf(certificate: HttpIntegration['clientCertificate']): ClientCertificateForm {
  return certificate === null
    ? NO_CLIENT_CERTIFICATE
    : { ...NO_CLIENT_CERTIFICATE, enabled: true, certificate: certificate.certificate };
}

const NOTHING_STORED: StoredSecrets = {
  authType: 'none',
  headerNames: [],
  clientCertificate: null,
  signingSecret: false,
  webhookSecret: false,
};

/** A stored integration's form: its kind's inputs filled, the other kind's left at their defaults. */
export function fromIntegration(integration: Integration): FormState {
  if (integration.kind === 'webhook') {
    return {
      ...emptyForm(),
      kind: 'webhook',
      name: integration.name,
      webhook: webhookFormOf(integration.webhook),
      paused: integration.paused,
      tags: integration.tags.join(', '),
      stored: { ...NOTHING_STORED, webhookSecret: integration.webhook.secret !== null },
    };
  }
  return fromHttpIntegration(integration);
}

function fromHttpIntegration(integration: HttpIntegration): FormState {
  const headerEntries = Object.entries(integration.headers);
  return {
    kind: 'http',
    name: integration.name,
    url: integration.url,
    method: integration.method,
    headers: headerEntries.map(([name, value], key) => ({
      key,
      name,
      value: isCredentialName(name) ? '' : value,
    })),
    body: integration.body ?? '',
    auth: authFormOf(integration.auth),
    clientCertificate: clientCertificateFormOf(integration.clientCertificate),
    signing: signingFormOf(integration.signing),
    webhook: NO_WEBHOOK,
    expectedStatus: integration.expectedStatus.join(', '),
    responseSchema: integration.responseSchema ? JSON.stringify(integration.responseSchema, null, 2) : '',
    intervalSeconds: String(integration.intervalSeconds),
    timeoutMs: String(integration.timeoutMs),
    latencyThresholdMs: integration.latencyThresholdMs === null ? '' : String(integration.latencyThresholdMs),
    rateLimitWarnPercent: String(integration.rateLimitWarnPercent),
    tokenExpiryWarnDays: String(integration.tokenExpiryWarnDays),
    certificateExpiryWarnDays: String(integration.certificateExpiryWarnDays),
    paused: integration.paused,
    tags: integration.tags.join(', '),
    stored: {
      authType: integration.auth.type,
      headerNames: headerEntries.map(([name]) => name).filter(isCredentialName),
      clientCertificate: integration.clientCertificate
        ? { passphrase: integration.clientCertificate.passphrase !== undefined }
        : null,
      signingSecret: integration.signing !== null,
      webhookSecret: false,
    },
  };
}

/** A stored auth secret belongs to its auth type: after switching types it must be entered anew. */
export function hasStoredAuthSecret(form: FormState): boolean {
  return form.stored?.authType === form.auth.type;
}

/** The monitor keeps a header's secret under the header's exact name. */
export function hasStoredHeaderSecret(form: FormState, row: HeaderRow): boolean {
  return form.stored?.headerNames.includes(row.name.trim()) ?? false;
}

/** The stored private key is kept while its input is left empty. */
export function hasStoredPrivateKey(form: FormState): boolean {
  return Boolean(form.stored?.clientCertificate);
}

/** A stored passphrase opens the stored key: with a new key, its passphrase (if any) must be entered too. */
export function hasStoredPassphrase(form: FormState): boolean {
  return (
    (form.stored?.clientCertificate?.passphrase ?? false) &&
    hasStoredPrivateKey(form) &&
    form.clientCertificate.privateKey.trim() === ''
  );
}

/** The signing secret is kept while its input is left empty, whatever the scheme. */
export function hasStoredSigningSecret(form: FormState): boolean {
  return form.stored?.signingSecret ?? false;
}

/** The receiving secret is kept while its input is left empty; no URL binds it, deliveries come to us. */
export function hasStoredWebhookSecret(form: FormState): boolean {
  return form.stored?.webhookSecret ?? false;
}

/** An empty input of a stored secret sends the mask, which tells the monitor to keep the stored value. */
export function secretOrMask(value: string, stored: boolean): string {
  return value === '' && stored ? MASKED_SECRET : value;
}

export function addHeaderRow(headers: HeaderRow[]): HeaderRow[] {
  const key = headers.reduce((max, row) => Math.max(max, row.key + 1), 0);
  return [...headers, { key, name: '', value: '' }];
}
