'use client';

import type { Silence, SilenceRequest } from '@ihm/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { ErrorSummary, type FormProblem } from '../form/error-summary';
import { Field, FormIdPrefix } from '../form/field';
import { withoutField, type FieldMessages } from '../form/field-messages';
import { ScopeSection, type IntegrationChoice } from '../scope/scope-section';
import { placeSilenceErrors } from './silence-field-errors';
import { emptySilenceForm, fromSilence, type SilenceFormState } from './silence-form-state';
import { toSilenceRequest } from './to-silence-request';
import { WeeklyWindows } from './weekly-windows';

export interface SilenceFormProps {
  /** The silence to edit, or null to add one. */
  silence: Silence | null;
  integrations: readonly IntegrationChoice[];
  onSave(request: SilenceRequest): Promise<ActionResult<Silence>>;
  onSaved(silence: Silence): void;
}

/** What the form starts from: the stored silence, or one from now on. */
const startingForm = (silence: Silence | null) =>
  silence ? fromSilence(silence) : emptySilenceForm(new Date());

/** Adds or edits a silence: what it covers, when, why, and optionally weekly windows within that time. */
export function SilenceForm({ silence, integrations, onSave, onSaved }: SilenceFormProps) {
  // The instants start empty on the server and are filled in the browser, in its own time zone.
  const [form, setForm] = useState<SilenceFormState>(() => ({
    ...startingForm(silence),
    startsAt: '',
    endsAt: '',
  }));
  const [errors, setErrors] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const { startsAt, endsAt } = startingForm(silence);
    setForm((current) =>
      current.startsAt === '' && current.endsAt === '' ? { ...current, startsAt, endsAt } : current,
    );
  }, [silence]);

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const edit = (field: string, patch: Partial<SilenceFormState>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => withoutField(current, field));
  };
  const fail = (message: string, byField: FieldMessages, unplaced: FormProblem['unplaced']) => {
    setErrors(byField);
    setProblem({ message, unplaced, marked: Object.keys(byField).length });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const built = toSilenceRequest(form);
    if (!built.ok) return fail('Some fields need a fix first.', built.errors, []);
    setBusy(true);
    try {
      const outcome = await onSave(built.request);
      if (outcome.ok) onSaved(outcome.value);
      else {
        const name = (id: string) => integrations.find((integration) => integration.id === id)?.name ?? id;
        const placed = placeSilenceErrors(outcome.fieldErrors, form, name);
        fail(outcome.message, placed.byField, placed.unplaced);
      }
    } catch (error) {
      fail(`Saving failed: ${error instanceof Error ? error.message : String(error)}`, {}, []);
    } finally {
      setBusy(false);
    }
  };

  const instant = (field: 'startsAt' | 'endsAt', label: string) => (
    <Field field={field} label={label} hint="In your local time." errors={errors[field]}>
      {(props) => (
        <input
          {...props}
          type="datetime-local"
          value={form[field]}
          onChange={(event) => edit(field, { [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <FormIdPrefix value="silence">
      <form className="integration-form" noValidate aria-busy={busy} onSubmit={save}>
        <ErrorSummary ref={summary} problem={problem} />
        <fieldset className="form-section">
          <legend>When and why</legend>
          <div className="form-grid">
            {instant('startsAt', 'Starts')}
            {instant('endsAt', 'Ends')}
            <Field
              field="comment"
              label="Comment"
              hint="Who is working on what, so that others know why nothing is sent."
              wide
              errors={errors.comment}
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={form.comment}
                  onChange={(event) => edit('comment', { comment: event.target.value })}
                />
              )}
            </Field>
            <Field
              field="weekly"
              label="Repeat weekly"
              hint="Hold only inside weekly windows between the start and the end: a maintenance window."
              errors={undefined}
            >
              {(props) => (
                <input
                  {...props}
                  type="checkbox"
                  className="form-checkbox"
                  checked={form.weekly}
                  onChange={(event) => edit('recurrence.weekly', { weekly: event.target.checked })}
                />
              )}
            </Field>
            {form.weekly ? (
              <WeeklyWindows
                rows={form.windows}
                errors={errors}
                edit={(field, windows) => edit(field, { windows })}
              />
            ) : null}
          </div>
        </fieldset>
        <ScopeSection
          scope={form.scope}
          integrations={integrations}
          errors={errors}
          covers="the silence holds back"
          edit={(field, scope) => edit(field, { scope })}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" aria-disabled={busy}>
            {silence ? 'Save changes' : 'Add silence'}
          </button>
          <p role="status" className="muted form-status">
            {busy ? 'Saving…' : ''}
          </p>
        </div>
      </form>
    </FormIdPrefix>
  );
}
