import { useDeferredValue, useMemo } from 'react';
import { FieldErrors, describedBy, useControlId } from '../form/field';
import { checkSchemaText } from './schema-check';

interface SchemaEditorProps {
  /** The API's name of the field: `responseSchema`, `webhook.payloadSchema`. */
  field: string;
  label: string;
  text: string;
  /** What is checked against the schema: "response body" ("body" when short). */
  subject: { every: string; short: string };
  errors: readonly string[] | undefined;
  onChange(text: string): void;
}

/**
 * A JSON Schema, checked as it is typed: where the JSON breaks, else whether it compiles as a JSON Schema. The
 * API's own verdict, after a save or test, is shown until the text changes.
 */
export function SchemaEditor({ field, label, text, subject, errors, onChange }: SchemaEditorProps) {
  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkSchemaText(deferred), [deferred]);
  const id = useControlId(field);
  const apiErrors = errors ?? [];
  const problem = check.state === 'invalid' ? check.message : null;
  const shownErrors = apiErrors.length > 0 ? apiErrors : problem ? [problem] : [];

  return (
    <div className="form-field wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="code"
        rows={10}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={'{\n  "type": "object",\n  "required": ["id"]\n}'}
        value={text}
        aria-invalid={shownErrors.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-status`, shownErrors.length > 0 && `${id}-error`)}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-status`} className="form-hint schema-status" data-state={check.state} aria-live="polite">
        {check.state === 'valid'
          ? `✓ Valid JSON Schema: every ${subject.every} is checked against it.`
          : check.state === 'empty'
            ? `Optional. Without a schema, the ${subject.short} is not checked.`
            : '✗ Not usable yet:'}
      </p>
      <FieldErrors id={`${id}-error`} messages={shownErrors} />
    </div>
  );
}
