import type { SilenceRequest } from '@ihm/contracts';
import { addMessage, type BuiltRequest, type FieldMessages } from '../form/field-messages';
import { toScope } from '../scope/scope-form';
import type { SilenceFormState } from './silence-form-state';

/** Form text to the API's body: local instants to ISO-8601; the order of the instants and the rest are the API's. */
export function toSilenceRequest(form: SilenceFormState): BuiltRequest<SilenceRequest> {
  const errors: FieldMessages = {};
  const instant = (field: 'startsAt' | 'endsAt'): string => {
    const date = new Date(form[field]);
    if (form[field] === '' || Number.isNaN(date.getTime())) {
      addMessage(errors, field, 'Enter a date and time.');
      return '';
    }
    return date.toISOString();
  };
  const request: SilenceRequest = {
    scope: toScope(form.scope),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    comment: form.comment.trim(),
    ...(form.weekly
      ? {
          recurrence: {
            weekly: form.windows.map((row) => ({ day: Number(row.day), start: row.start, end: row.end })),
          },
        }
      : {}),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, request };
}
