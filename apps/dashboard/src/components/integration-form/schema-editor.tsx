import { useDeferredValue, useMemo } from 'react';
import { FieldErrors, describedBy, useControlId } from '../form/field';
import { checkSchemaText } from './schema-check';
import type { SectionProps } from './section-props';

/**
 * The expected response's JSON Schema, checked as it is typed: where the JSON breaks, else whether it
 * compiles as a JSON Schema. The API's own verdict, after a save or test, is shown until the text changes.
 */
export function SchemaEditor({ form, errors, edit }: SectionProps) {
  const text = useDeferredValue(form.responseSchema);
  const check = useMemo(() => checkSchemaText(text), [text]);
  const id = useControlId('responseSchema');
  const apiErrors = errors.responseSchema ?? [];
  const problem = check.state === 'invalid' ? check.message : null;
  const shownErrors = apiErrors.length > 0 ? apiErrors : problem ? [problem] : [];

  return (
    <div className="form-field wide">
      <label htmlFor={id}>Response JSON Schema</label>
      <textarea
        id={id}
        className="code"
        rows={10}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={'{\n  "type": "object",\n  "required": ["id"]\n}'}
        value={form.responseSchema}
        aria-invalid={shownErrors.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-status`, shownErrors.length > 0 && `${id}-error`)}
        onChange={(event) => edit('responseSchema', { responseSchema: event.target.value })}
      />
      <p id={`${id}-status`} className="form-hint schema-status" data-state={check.state} aria-live="polite">
        {check.state === 'valid'
          ? '✓ Valid JSON Schema: every response body is checked against it.'
          : check.state === 'empty'
            ? 'Optional. Without a schema, the body is not checked.'
            : '✗ Not usable yet:'}
      </p>
      <FieldErrors id={`${id}-error`} messages={shownErrors} />
    </div>
  );
}
