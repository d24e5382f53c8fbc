import type { FieldError } from '@ihm/contracts';
import { placeByPath, placeErrors, type PlacedErrors } from '../form/field-messages';
import { AUTH_INPUTS } from './auth-inputs';
import { methodTakesBody, type FormState, type HeaderRow } from './form-state';
import { splitStatusList, splitList } from '../form/list-text';

export function headerRowField(row: HeaderRow): string {
  return `headers#${row.key}`;
}

const ALWAYS_SHOWN = [
  'name',
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
  'paused',
  'tags',
];

/** Shown while the toggle is on; `clientCertificate` itself (the toggle) always is. */
const CLIENT_CERTIFICATE_FIELDS = [
  'clientCertificate.certificate',
  'clientCertificate.privateKey',
  'clientCertificate.passphrase',
];

function fieldsShown(form: FormState): Set<string> {
  return new Set([
    ...ALWAYS_SHOWN,
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
  return placeByPath(error, shown, (field, index) => itemOf(form, field, index));
}

/** Puts the API's field errors next to the inputs they are about; the rest go to the summary. */
export function placeFieldErrors(errors: readonly FieldError[], form: FormState): PlacedErrors {
  const shown = fieldsShown(form);
  return placeErrors(errors, (error) => place(error, form, shown));
}
