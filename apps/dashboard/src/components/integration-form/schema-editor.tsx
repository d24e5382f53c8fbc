import { exampleFromSchema } from '@ihm/contracts';
import { use, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { FieldErrors, describedBy, useControlId } from '../form/field';
import { SchemaCompileCheck } from './schema-compile-check';
import { checkSchemaText, type SchemaCheck } from './schema-check';

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

/** Asked once typing pauses this long: the compile check is a round trip to the dashboard's server. */
const COMPILE_CHECK_DELAY_MS = 250;

/** What the editor shows: the local reading of the text, completed by the server's compile check. */
type Verdict =
  | Exclude<SchemaCheck, { state: 'parsed' }>
  | { state: 'checking' }
  | { state: 'valid' }
  /** The check could not be made (the dashboard's server did not answer): the API still judges on save. */
  | { state: 'unchecked' };

/** Ajv's verdict on a parsed schema, for the text it was given; null while none has come for this text. */
function useCompileCheck(
  text: string,
  check: SchemaCheck,
): { text: string; problem: string | null | 'unknown' } | null {
  const schemaProblem = use(SchemaCompileCheck);
  const [answer, setAnswer] = useState<{ text: string; problem: string | null | 'unknown' } | null>(null);
  useEffect(() => {
    if (check.state !== 'parsed') return;
    let current = true;
    const timer = setTimeout(() => {
      schemaProblem(check.schema).then(
        (problem) => current && setAnswer({ text, problem }),
        () => current && setAnswer({ text, problem: 'unknown' }),
      );
    }, COMPILE_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, check, schemaProblem]);
  return answer?.text === text ? answer : null;
}

function verdictOf(check: SchemaCheck, compiled: ReturnType<typeof useCompileCheck>): Verdict {
  if (check.state !== 'parsed') return check;
  if (compiled === null) return { state: 'checking' };
  if (compiled.problem === 'unknown') return { state: 'unchecked' };
  if (compiled.problem !== null)
    return { state: 'invalid', message: `Not a valid JSON Schema: ${compiled.problem}` };
  return { state: 'valid' };
}

/**
 * A JSON Schema, checked as it is typed: where the JSON breaks (in the browser), else whether it compiles as a
 * JSON Schema (Ajv, on the dashboard's server). The API's own verdict, after a save or test, is shown until the
 * text changes.
 */
export function SchemaEditor({ field, label, text, subject, errors, onChange }: SchemaEditorProps) {
  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkSchemaText(deferred), [deferred]);
  const verdict = verdictOf(check, useCompileCheck(deferred, check));
  const id = useControlId(field);
  const apiErrors = errors ?? [];
  const problem = verdict.state === 'invalid' ? verdict.message : null;
  const shownErrors = apiErrors.length > 0 ? apiErrors : problem ? [problem] : [];
  const [showExample, setShowExample] = useState(false);

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
      <p
        id={`${id}-status`}
        className="form-hint schema-status"
        data-state={verdict.state}
        aria-live="polite"
      >
        {STATUS[verdict.state](subject)}
      </p>
      <FieldErrors id={`${id}-error`} messages={shownErrors} />
      {check.state === 'parsed' ? (
        <div className="schema-example">
          <button
            type="button"
            className="button ghost"
            aria-expanded={showExample}
            aria-controls={`${id}-example`}
            onClick={() => setShowExample(!showExample)}
          >
            {showExample ? 'Hide the example' : 'Show as example'}
          </button>
          {showExample ? (
            <figure id={`${id}-example`}>
              <figcaption className="muted">
                A {subject.short} shaped as the schema describes (an illustration: patterns and lengths aside)
              </figcaption>
              <pre tabIndex={0}>{JSON.stringify(exampleFromSchema(check.schema), null, 2)}</pre>
            </figure>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

const STATUS: Record<Verdict['state'], (subject: SchemaEditorProps['subject']) => string> = {
  empty: (subject) => `Optional. Without a schema, the ${subject.short} is not checked.`,
  invalid: () => '✗ Not usable yet:',
  checking: () => 'Checking the schema…',
  valid: (subject) => `✓ Valid JSON Schema: every ${subject.every} is checked against it.`,
  unchecked: () => 'The schema could not be checked now; the monitor checks it when you save.',
};
