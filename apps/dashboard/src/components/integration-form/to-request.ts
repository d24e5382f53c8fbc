import { MASKED_SECRET, type HttpIntegrationRequest } from '@ihm/contracts';
import { addMessage, type BuiltRequest, type FieldMessages } from '../form/field-messages';
import { headerRowField } from './field-errors';
import {
  hasStoredAuthSecret,
  hasStoredHeaderSecret,
  hasStoredPassphrase,
  hasStoredPrivateKey,
  methodTakesBody,
  secretOrMask,
  type FormState,
} from './form-state';
import { splitStatusList, splitList } from '../form/list-text';
import { WHOLE_NUMBER, wholeNumberOf } from './number-text';
import { checkSchemaText } from './schema-check';
import { signingOf, toWebhookRequest, type WebhookRequest } from './to-webhook-request';

/** An http definition leaves its kind out (http is the default); a webhook's names it when registered. */
export type IntegrationRequest = HttpIntegrationRequest | WebhookRequest;

/** `POST /api/probe` takes an http definition; its name is optional. */
export type DryRunRequest = Omit<HttpIntegrationRequest, 'name'> & { name?: string };

const CERTIFICATE_PEM = '-----BEGIN CERTIFICATE-----';
const PRIVATE_KEY_PEM = 'PRIVATE KEY-----';

/**
 * Form text to the API's request body. Only what the API could not even receive is checked here (numbers that
 * are not numbers, JSON that does not parse, header rows without a name); every other rule is the API's.
 * An empty secret input of a stored secret sends the mask, which tells the monitor to keep the stored value.
 */
export function toRequest(form: FormState): BuiltRequest<IntegrationRequest> {
  return form.kind === 'webhook' ? toWebhookRequest(form) : toHttpRequest(form);
}

/** The http definition: what the probe sends and what it expects back. */
export function toHttpRequest(form: FormState): BuiltRequest<HttpIntegrationRequest> {
  const errors: FieldMessages = {};

  const wholeNumber = (field: keyof FormState, text: string) => wholeNumberOf(errors, field, text);

  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of form.headers) {
    const name = row.name.trim();
    if (name === '' && row.value === '') continue;
    if (name === '') addMessage(errors, headerRowField(row), 'Enter the header name.');
    else if (seen.has(name.toLowerCase()))
      addMessage(errors, headerRowField(row), `${name} is listed twice.`);
    seen.add(name.toLowerCase());
    headers[name] = secretOrMask(row.value, hasStoredHeaderSecret(form, row));
  }

  const expectedStatus = splitStatusList(form.expectedStatus).map((code) => {
    if (!WHOLE_NUMBER.test(code)) addMessage(errors, 'expectedStatus', `“${code}” is not a status code.`);
    return Number(code);
  });

  const schema = checkSchemaText(form.responseSchema);
  if (schema.state === 'invalid') addMessage(errors, 'responseSchema', schema.message);

  const request: HttpIntegrationRequest = {
    name: form.name.trim(),
    url: form.url.trim(),
    method: form.method,
    headers,
    body: methodTakesBody(form.method) && form.body !== '' ? form.body : null,
    auth: authOf(form),
    clientCertificate: clientCertificateOf(form, errors),
    signing: signingOf(form),
    expectedStatus,
    responseSchema: schema.state === 'parsed' ? schema.schema : null,
    intervalSeconds: wholeNumber('intervalSeconds', form.intervalSeconds),
    timeoutMs: wholeNumber('timeoutMs', form.timeoutMs),
    latencyThresholdMs:
      form.latencyThresholdMs.trim() === ''
        ? null
        : wholeNumber('latencyThresholdMs', form.latencyThresholdMs),
    rateLimitWarnPercent: wholeNumber('rateLimitWarnPercent', form.rateLimitWarnPercent),
    tokenExpiryWarnDays: wholeNumber('tokenExpiryWarnDays', form.tokenExpiryWarnDays),
    certificateExpiryWarnDays: wholeNumber('certificateExpiryWarnDays', form.certificateExpiryWarnDays),
    paused: form.paused,
    tags: splitList(form.tags),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, request };
}

function authOf(form: FormState): HttpIntegrationRequest['auth'] {
  const auth = form.auth;
  const secret = (value: string) => secretOrMask(value, hasStoredAuthSecret(form));
  switch (auth.type) {
    case 'none':
      return { type: 'none' };
    case 'apiKey':
      return { type: 'apiKey', in: auth.in, name: auth.name.trim(), value: secret(auth.value) };
    case 'bearer':
      return { type: 'bearer', token: secret(auth.token) };
    case 'basic':
      return { type: 'basic', username: auth.username.trim(), password: secret(auth.password) };
    case 'oauth2ClientCredentials':
      return {
        type: 'oauth2ClientCredentials',
        tokenUrl: auth.tokenUrl.trim(),
        clientId: auth.clientId.trim(),
        clientSecret: secret(auth.clientSecret),
        ...(auth.scope.trim() === '' ? {} : { scope: auth.scope.trim() }),
        ...(auth.clientAuthentication === 'client_secret_post'
          ? { clientAuthentication: auth.clientAuthentication }
          : {}),
      };
  }
}

/**
 * Off: null, which also removes a stored one. On: the certificate as shown, the key and passphrase as typed or,
 * left empty, the mask that keeps the stored ones. Only whether the text looks like PEM at all is checked here;
 * whether it can be read, the passphrase opens the key and the key is the certificate's is the monitor's check.
 */
function clientCertificateOf(
  form: FormState,
  errors: FieldMessages,
): HttpIntegrationRequest['clientCertificate'] {
  const { enabled, certificate, privateKey, passphrase } = form.clientCertificate;
  if (!enabled) return null;
  const pemCertificate = certificate.trim();
  if (pemCertificate === '')
    addMessage(errors, 'clientCertificate.certificate', 'Paste the certificate (PEM).');
  else if (!pemCertificate.includes(CERTIFICATE_PEM))
    addMessage(errors, 'clientCertificate.certificate', `Paste PEM: it starts with ${CERTIFICATE_PEM}.`);

  const keepKey = privateKey.trim() === '' && hasStoredPrivateKey(form);
  if (!keepKey) {
    if (privateKey.trim() === '')
      addMessage(errors, 'clientCertificate.privateKey', 'Paste the private key (PEM).');
    else if (!privateKey.includes(PRIVATE_KEY_PEM))
      addMessage(
        errors,
        'clientCertificate.privateKey',
        'Paste PEM: it starts with -----BEGIN … PRIVATE KEY-----.',
      );
  }
  const keepPassphrase = passphrase === '' && hasStoredPassphrase(form);
  return {
    certificate: pemCertificate,
    privateKey: keepKey ? MASKED_SECRET : privateKey.trim(),
    ...(keepPassphrase ? { passphrase: MASKED_SECRET } : passphrase === '' ? {} : { passphrase }),
  };
}

/** A Test may run before the integration has a name: the monitor names it itself then. */
export function toDryRun({ name, ...rest }: HttpIntegrationRequest): DryRunRequest {
  return name === '' ? rest : { name, ...rest };
}
