import type { FieldError } from '@ihm/contracts';
import { placeByPath, placeErrors, type PlacedErrors } from '../form/field-messages';
import { SCOPE_FIELDS, scopeItemOf } from '../scope/scope-form';
import { windowField, type SilenceFormState } from './silence-form-state';

/** The API's errors beside their inputs (`recurrence.weekly.1.end` on the second window's end). */
export function placeSilenceErrors(
  errors: readonly FieldError[],
  form: SilenceFormState,
  integrationName: (id: string) => string,
): PlacedErrors {
  const windows = form.weekly
    ? [
        'recurrence.weekly',
        ...form.windows.flatMap((_, index) =>
          (['day', 'start', 'end'] as const).map((part) => windowField(index, part)),
        ),
      ]
    : [];
  const shown = new Set<string>(['startsAt', 'endsAt', 'comment', ...SCOPE_FIELDS, ...windows]);
  const itemOf = scopeItemOf(form.scope, integrationName);
  return placeErrors(errors, (error) => placeByPath(error, shown, itemOf));
}
