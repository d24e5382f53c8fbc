import { addMessage, type FieldMessages } from '../form/field-messages';

export const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** A whole number as typed, or a message under `field` saying why it is not one. */
export function wholeNumberOf(errors: FieldMessages, field: string, text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') addMessage(errors, field, 'Enter a number.');
  else if (!WHOLE_NUMBER.test(trimmed)) addMessage(errors, field, 'Enter a whole number.');
  return Number(trimmed);
}

/** Minutes as typed (fractions allowed) in whole seconds, as the API counts them. */
export function minutesAsSeconds(errors: FieldMessages, field: string, text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') addMessage(errors, field, 'Enter a number of minutes.');
  else if (!DECIMAL.test(trimmed)) addMessage(errors, field, 'Enter minutes as a number, like 15 or 2.5.');
  return Math.round(Number(trimmed) * 60);
}
