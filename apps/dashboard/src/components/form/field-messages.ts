import type { FieldError } from '@ihm/contracts';

/** Messages by form field, keyed by the API's names for the fields (`url`, `config.secret`). */
export type FieldMessages = Record<string, string[]>;

/** A form's text as the API's request, or the messages of the fields that cannot be one yet. */
export type BuiltRequest<Request> = { ok: true; request: Request } | { ok: false; errors: FieldMessages };

export interface PlacedErrors {
  byField: FieldMessages;
  /** Errors of fields the form has no input for: shown in the summary at the top. */
  unplaced: FieldError[];
}

export function addMessage(messages: FieldMessages, field: string, message: string): void {
  (messages[field] ??= []).push(message);
}

/** The messages without those of `field`: they were about a value that has just been changed. */
export function withoutField(errors: FieldMessages, field: string): FieldMessages {
  if (!(field in errors)) return errors;
  const { [field]: _cleared, ...rest } = errors;
  return rest;
}

/**
 * The input an API field error belongs to: the longest prefix of its path that the form shows
 * (`scope.tags.1` → `scope.tags`). An error about one item of a list names the item as typed, when `itemOf`
 * knows it. Null: the form has no input for it.
 */
export function placeByPath(
  error: FieldError,
  shown: ReadonlySet<string>,
  itemOf: (field: string, index: number) => string | undefined = () => undefined,
): { field: string; message: string } | null {
  const parts = error.field.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const field = parts.slice(0, length).join('.');
    if (!shown.has(field)) continue;
    const rest = parts.slice(length);
    const item =
      rest.length === 1 && /^\d+$/.test(rest[0] ?? '') ? itemOf(field, Number(rest[0])) : undefined;
    return { field, message: item === undefined ? error.message : `“${item}”: ${error.message}` };
  }
  return null;
}

/** Puts the API's field errors next to the inputs they are about; the rest go to the summary. */
export function placeErrors(
  errors: readonly FieldError[],
  place: (error: FieldError) => { field: string; message: string } | null,
): PlacedErrors {
  const byField: FieldMessages = {};
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const placed = place(error);
    if (placed) addMessage(byField, placed.field, placed.message);
    else unplaced.push(error);
  }
  return { byField, unplaced };
}
