import type { FieldError } from '@ihm/contracts';
import { AUTH_INPUTS } from './auth-inputs';
import { methodTakesBody, type FormState, type HeaderRow } from './form-state';
import { splitStatusList, splitTags } from './list-text';

/** Messages by form field: API names (`url`, `auth.token`) except header rows, which are `headers#<row key>`. */
export type FieldMessages = Record<string, string[]>;

export interface PlacedErrors {
  byField: FieldMessages;
  /** Errors of fields the form has no input for: shown in the summary at the top. */
  unplaced: FieldError[];
}

export function addMessage(messages: FieldMessages, field: string, message: string): void {
  (messages[field] ??= []).push(message);
}

export function headerRowField(row: HeaderRow): string {
  return `headers#${row.key}`;
}

const ALWAYS_SHOWN = [
  'name',
  'url',
  'method',
  'headers',
  'auth.type',
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

function fieldsShown(form: FormState): Set<string> {
  return new Set([
    ...ALWAYS_SHOWN,
    ...(methodTakesBody(form.method) ? ['body'] : []),
    ...AUTH_INPUTS[form.auth.type].map((input) => `auth.${input.field}`),
  ]);
}

/** The API names a list item by index (`tags.2`); the message names the item as typed. */
function itemOf(field: string, index: string, form: FormState): string | undefined {
  if (field === 'tags') return splitTags(form.tags)[Number(index)];
  if (field === 'expectedStatus') return splitStatusList(form.expectedStatus)[Number(index)];
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
  const parts = error.field.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const field = parts.slice(0, length).join('.');
    if (!shown.has(field)) continue;
    const rest = parts.slice(length);
    const item = rest.length === 1 ? itemOf(field, rest[0] as string, form) : undefined;
    return { field, message: item === undefined ? error.message : `“${item}”: ${error.message}` };
  }
  return null;
}

/** Puts the API's field errors next to the inputs they are about; the rest go to the summary. */
export function placeFieldErrors(errors: readonly FieldError[], form: FormState): PlacedErrors {
  const shown = fieldsShown(form);
  const byField: FieldMessages = {};
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const placed = place(error, form, shown);
    if (placed) addMessage(byField, placed.field, placed.message);
    else unplaced.push(error);
  }
  return { byField, unplaced };
}
