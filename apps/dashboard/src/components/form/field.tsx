'use client';

import { createContext, use, type ReactNode } from 'react';

/** What a Field hands its control: the id its label points at and the ARIA links to hint and errors. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * One form per page, so field names make stable, readable ids under the form's prefix
 * (`integration-auth-token`, `channel-config-url`). Each form provides its prefix around its fields.
 */
export const FormIdPrefix = createContext('form');

export function controlId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The id of a field of the form around the caller. */
export function useControlId(field: string): string {
  return controlId(use(FormIdPrefix), field);
}

export function describedBy(...ids: (string | null | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

interface FieldProps {
  field: string;
  label: string;
  errors: readonly string[] | undefined;
  hint?: ReactNode;
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its errors, linked for assistive technology. */
export function Field({ field, label, errors, hint, wide, children }: FieldProps) {
  const id = useControlId(field);
  const invalid = Boolean(errors?.length);
  return (
    <div className={wide ? 'form-field wide' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy(hint ? `${id}-hint` : null, invalid && `${id}-error`),
      })}
      {hint ? (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} messages={errors} />
    </div>
  );
}
