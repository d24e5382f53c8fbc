import type { FieldError } from '@ihm/contracts';
import { placeByPath, placeErrors, type PlacedErrors } from '../form/field-messages';
import { AUTH_INPUTS } from './auth-inputs';
import { methodTakesBody, type FormState, type HeaderRow } from './form-state';
import { splitStatusList, splitList } from '../form/list-text';

export function headerRowField(row: HeaderRow): string {
  return `headers#${row.key}`;
}

const ALWAYS_SHOWN = ['name', 'paused', 'tags'];

const HTTP_FIELDS = [
  'url',
  'method',
  'headers',
  'auth.type',
  'clientCertificate',
  'expectedStatus',
  'responseSchema',
  'intervalSeconds',
  'timeoutMs',
  'latencyThresholdMs',
  'rateLimitWarnPercent',
  'tokenExpiryWarnDays',
  'certificateExpiryWarnDays',
  'signing',
];

/** Shown while the toggle is on; `clientCertificate` itself (the toggle) always is. */
const CLIENT_CERTIFICATE_FIELDS = [
  'clientCertificate.certificate',
  'clientCertificate.privateKey',
  'clientCertificate.passphrase',
];

/** A scheme block's inputs (`webhook` or `signing`): the secret unless unsigned, the generic scheme's three. */
function schemeFields(block: string, scheme: string): string[] {
  return [
    `${block}.scheme`,
    ...(scheme === 'none' ? [] : [`${block}.secret`]),
    ...(scheme === 'hmac' ? ['header', 'encoding', 'prefix'].map((field) => `${block}.hmac.${field}`) : []),
  ];
}

const ACTIVE_HOURS_FIELDS = ['timeZone', 'days', 'start', 'end'].map(
  (field) => `webhook.activeHours.${field}`,
);

function webhookFieldsShown(form: FormState): string[] {
  return [
    ...schemeFields('webhook', form.webhook.scheme),
    'webhook.maxSilenceSeconds',
    'webhook.toleranceSeconds',
    'webhook.activeHours',
    ...(form.webhook.activeHours.enabled ? ACTIVE_HOURS_FIELDS : []),
    'webhook.payloadSchema',
  ];
}

function fieldsShown(form: FormState): Set<string> {
  if (form.kind === 'webhook') return new Set([...ALWAYS_SHOWN, ...webhookFieldsShown(form)]);
  return new Set([
    ...ALWAYS_SHOWN,
    ...HTTP_FIELDS,
    ...(form.signing.enabled ? schemeFields('signing', form.signing.scheme) : []),
    ...(methodTakesBody(form.method) ? ['body'] : []),
    ...AUTH_INPUTS[form.auth.type].map((input) => `auth.${input.field}`),
    ...(form.clientCertificate.enabled ? CLIENT_CERTIFICATE_FIELDS : []),
  ]);
}

/** The API names a list item by index (`tags.2`); the message names the item as typed. */
function itemOf(form: FormState, field: string, index: number): string | undefined {
  if (field === 'tags') return splitList(form.tags)[index];
  if (field === 'expectedStatus') return splitStatusList(form.expectedStatus)[index];
  return undefined;
}

function place(
  error: FieldError,
  form: FormState,
  shown: Set<string>,
): { field: string; message: string } | null {
  if (error.field.startsWith('headers.')) {
    // A header name may contain dots: everything after `headers.` is the name.
    const name = error.field.slice('headers.'.length);
    const row = form.headers.find((candidate) => candidate.name.trim() === name);
    return row
      ? { field: headerRowField(row), message: error.message }
      : { field: 'headers', message: `${name}: ${error.message}` };
  }
  if (error.field === 'auth') return { field: 'auth.type', message: error.message };
  // "the hmac scheme needs { header, … }": about the scheme chosen, which has its inputs beside it.
  if (error.field === 'webhook.hmac' || error.field === 'signing.hmac')
    return { field: error.field.replace('.hmac', '.scheme'), message: error.message };
  return placeByPath(error, shown, (field, index) => itemOf(form, field, index));
}

/** Puts the API's field errors next to the inputs they are about; the rest go to the summary. */
export function placeFieldErrors(errors: readonly FieldError[], form: FormState): PlacedErrors {
  const shown = fieldsShown(form);
  return placeErrors(errors, (error) => place(error, form, shown));
}
