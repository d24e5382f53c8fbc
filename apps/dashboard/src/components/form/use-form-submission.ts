'use client';

import type { FieldError } from '@ihm/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActionResult } from '../../lib/action-result';
import type { FormProblem } from './error-summary';
import { withoutField, type BuiltRequest, type FieldMessages, type PlacedErrors } from './field-messages';

export interface FormSubmissionOptions<State, Request, Saved> {
  initial(): State;
  build(form: State): BuiltRequest<Request>;
  /** The API's field errors beside the inputs of the form as it was sent. */
  place(fieldErrors: readonly FieldError[], form: State): PlacedErrors;
  onSave(request: Request): Promise<ActionResult<Saved>>;
  onSaved(saved: Saved): void;
}

/** One thing the form sends: what it is busy with meanwhile, and what a thrown error is said to have stopped. */
export interface FormSend<Request, T> {
  /** 'saving', or what else the form does: 'testing'. */
  busy: string;
  /** Before "failed: …" when the call throws: "Saving", "The test". */
  what: string;
  send(request: Request): Promise<ActionResult<T>>;
  done(value: T): void;
}

/**
 * A form's state and the way it is sent: build the request (or mark the fields that cannot be built), send it,
 * then either clear the errors and hand on the value, or place the API's errors and focus their summary.
 * Editing a field clears its errors.
 */
export function useFormSubmission<State, Request, Saved>({
  initial,
  build,
  place,
  onSave,
  onSaved,
}: FormSubmissionOptions<State, Request, Saved>) {
  const [form, setForm] = useState<State>(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const edit = (field: string, patch: Partial<State>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => withoutField(current, field));
  };

  const fail = (message: string, byField: FieldMessages, unplaced: FieldError[]) => {
    setErrors(byField);
    setProblem({ message, unplaced, marked: Object.keys(byField).length });
  };

  async function run<T>({ busy: kind, what, send, done }: FormSend<Request, T>) {
    if (busy) return;
    const built = build(form);
    if (!built.ok) return fail('Some fields need a fix first.', built.errors, []);
    setBusy(kind);
    try {
      const outcome = await send(built.request);
      if (outcome.ok) {
        setErrors({});
        setProblem(null);
        done(outcome.value);
      } else {
        const placed = place(outcome.fieldErrors, form);
        fail(outcome.message, placed.byField, placed.unplaced);
      }
    } catch (error) {
      fail(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, {}, []);
    } finally {
      setBusy(null);
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run({ busy: 'saving', what: 'Saving', send: onSave, done: onSaved });
  };

  return { form, setForm, edit, errors, problem, summary, busy, run, save };
}
