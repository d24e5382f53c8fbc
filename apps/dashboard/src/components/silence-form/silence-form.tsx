'use client';

import type { Silence, SilenceRequest } from '@ihm/contracts';
import { useEffect } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { Field, FormIdPrefix } from '../form/field';
import { SavingForm } from '../form/saving-form';
import { useFormSubmission } from '../form/use-form-submission';
import { ScopeSection, type IntegrationChoice } from '../scope/scope-section';
import { placeSilenceErrors } from './silence-field-errors';
import { emptySilenceForm, fromSilence } from './silence-form-state';
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
  const submission = useFormSubmission({
    // The instants start empty on the server and are filled in the browser, in its own time zone.
    initial: () => ({ ...startingForm(silence), startsAt: '', endsAt: '' }),
    build: toSilenceRequest,
    place: (fieldErrors, sent) =>
      placeSilenceErrors(
        fieldErrors,
        sent,
        (id) => integrations.find((integration) => integration.id === id)?.name ?? id,
      ),
    onSave,
    onSaved,
  });
  const { form, setForm, edit, errors } = submission;

  useEffect(() => {
    const { startsAt, endsAt } = startingForm(silence);
    setForm((current) =>
      current.startsAt === '' && current.endsAt === '' ? { ...current, startsAt, endsAt } : current,
    );
  }, [silence, setForm]);

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
      <SavingForm submission={submission} submitLabel={silence ? 'Save changes' : 'Add silence'}>
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
      </SavingForm>
    </FormIdPrefix>
  );
}
