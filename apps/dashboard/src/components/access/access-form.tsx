'use client';

import { useActionState } from 'react';
import type { FormState } from '../../app/access/actions';

export interface AccessField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password' | 'date' | 'select';
  options?: readonly string[];
  required?: boolean;
  hint?: string;
  autoComplete?: string;
}

interface AccessFormProps {
  /** Tells this form's ids apart from the other forms of the page. */
  id: string;
  /** A server action; what it made (a token shown once, an invitation link) is shown under the form. */
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  fields: readonly AccessField[];
  submitLabel: string;
}

/** A small form of the access page: fields with the monitor's field errors under them, and what it made. */
export function AccessForm({ id, action, fields, submitLabel }: AccessFormProps) {
  const [state, submit, pending] = useActionState(action, { result: null });
  const result = state.result;
  const errorsOf = (field: string) =>
    result && !result.ok ? result.fieldErrors.filter((e) => e.field === field).map((e) => e.message) : [];
  const unplaced =
    result && !result.ok ? result.fieldErrors.filter((e) => !fields.some((f) => f.name === e.field)) : [];
  return (
    <form action={submit} className="access-form" aria-busy={pending}>
      {result && !result.ok ? (
        <div className="banner form-summary" role="alert">
          <p>
            <strong>{result.message}</strong>
          </p>
          {unplaced.length > 0 ? (
            <ul>
              {unplaced.map((error) => (
                <li key={error.field}>
                  <code>{error.field}</code>: {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="access-fields">
        {fields.map((field) => {
          const control = `${id}-${field.name}`;
          const errors = errorsOf(field.name);
          const described = [field.hint ? `${control}-hint` : null, errors.length ? `${control}-error` : null]
            .filter(Boolean)
            .join(' ');
          const common = {
            id: control,
            name: field.name,
            required: field.required,
            'aria-invalid': errors.length ? (true as const) : undefined,
            'aria-describedby': described || undefined,
          };
          return (
            <div className="field" key={field.name}>
              <label htmlFor={control}>{field.label}</label>
              {field.type === 'select' ? (
                <select {...common} defaultValue={field.options?.[0]}>
                  {field.options?.map((option) => (
                    <option key={option}>{option}</option>
                  ))}
                </select>
              ) : (
                <input {...common} type={field.type} autoComplete={field.autoComplete} />
              )}
              {field.hint ? (
                <p id={`${control}-hint`} className="muted">
                  {field.hint}
                </p>
              ) : null}
              {errors.length ? (
                <p id={`${control}-error`} className="field-error">
                  {errors.join(' ')}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" aria-disabled={pending}>
          {submitLabel}
        </button>
        <p role="status" className="muted form-status">
          {pending ? 'Saving…' : ''}
        </p>
      </div>
      {result?.ok ? (
        <div className="banner access-done" role="status">
          <p>{result.value.message}</p>
          {result.value.secret ? (
            <p>
              <code className="shown-once">{result.value.secret}</code>
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
