import type { FieldMessages } from '../form/field-messages';
import type { FormState } from './form-state';

/** The fields that hold plain text (numbers too, as typed). */
export type TextField = {
  [K in keyof FormState]: string extends FormState[K] ? (FormState[K] extends string ? K : never) : never;
}[keyof FormState];

/** What each section of the form gets: the state, the errors by field, and how to change a field. */
export interface SectionProps {
  form: FormState;
  errors: FieldMessages;
  /** Changes the form and clears the errors of `field`: they were about the old value. */
  edit(field: string, patch: Partial<FormState>): void;
}

export function textPatch(field: TextField, value: string): Partial<FormState> {
  const patch: Partial<FormState> = {};
  patch[field] = value;
  return patch;
}
