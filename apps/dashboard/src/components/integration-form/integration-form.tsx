'use client';

import type { FieldError, Integration, ProbeResult } from '@ihm/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { ProbeResultView } from '../probe-result-view';
import { AuthSection } from './auth-section';
import { ChecksSection } from './checks-section';
import { ErrorSummary, type FormProblem } from '../form/error-summary';
import { FormIdPrefix } from '../form/field';
import { withoutField, type FieldMessages } from '../form/field-messages';
import { placeFieldErrors } from './field-errors';
import { emptyForm, fromIntegration, type FormState } from './form-state';
import { OrganisationSection } from './organisation-section';
import { RequestSection } from './request-section';
import { ScheduleSection } from './schedule-section';
import type { SectionProps } from './section-props';
import { toDryRun, toRequest, type DryRunRequest, type IntegrationRequest } from './to-request';

export interface IntegrationFormProps {
  /** The integration to edit, or null to register a new one. */
  integration: Integration | null;
  /** Registers or changes the integration: the whole definition either way. */
  onSave(request: IntegrationRequest): Promise<ActionResult<Integration>>;
  /** A dry run; `basedOn` (the edited integration's id) lets the monitor use its stored secrets. */
  onTest(request: DryRunRequest, basedOn: string | null): Promise<ActionResult<ProbeResult>>;
  onSaved(integration: Integration): void;
}

type Busy = 'saving' | 'testing';

function busyText(busy: Busy | null, result: ProbeResult | null): string {
  if (busy === 'saving') return 'Saving…';
  if (busy === 'testing') return 'Testing… the probe waits up to its timeout.';
  return result ? `Test finished: ${result.status}.` : '';
}

/** Registers or edits an integration: every field, inline errors from the API, and a Test before saving. */
export function IntegrationForm({ integration, onSave, onTest, onSaved }: IntegrationFormProps) {
  const [form, setForm] = useState<FormState>(() =>
    integration ? fromIntegration(integration) : emptyForm(),
  );
  const [errors, setErrors] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [result, setResult] = useState<ProbeResult | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const section: SectionProps = {
    form,
    errors,
    edit: (field, patch) => {
      setForm((current) => ({ ...current, ...patch }));
      setErrors((current) => withoutField(current, field));
    },
  };

  const fail = (message: string, byField: FieldMessages, unplaced: FieldError[]) => {
    setErrors(byField);
    setProblem({ message, unplaced, marked: Object.keys(byField).length });
  };

  async function run<T>(
    kind: Busy,
    action: (request: IntegrationRequest) => Promise<ActionResult<T>>,
    done: (value: T) => void,
  ) {
    if (busy) return;
    const built = toRequest(form);
    if (!built.ok) return fail('Some fields need a fix first.', built.errors, []);
    setBusy(kind);
    try {
      const outcome = await action(built.request);
      if (outcome.ok) {
        setErrors({});
        setProblem(null);
        done(outcome.value);
      } else {
        const placed = placeFieldErrors(outcome.fieldErrors, form);
        fail(outcome.message, placed.byField, placed.unplaced);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      fail(`${kind === 'saving' ? 'Saving' : 'The test'} failed: ${reason}`, {}, []);
    } finally {
      setBusy(null);
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run('saving', onSave, onSaved);
  };
  const test = () => {
    setResult(null);
    void run('testing', (request) => onTest(toDryRun(request), integration?.id ?? null), setResult);
  };

  return (
    <FormIdPrefix value="integration">
      <form className="integration-form" noValidate aria-busy={busy !== null} onSubmit={save}>
        <ErrorSummary ref={summary} problem={problem} />
        <RequestSection {...section} />
        <AuthSection {...section} />
        <ChecksSection {...section} />
        <ScheduleSection {...section} />
        <OrganisationSection {...section} />
        <div className="form-actions">
          <button type="submit" className="button primary" aria-disabled={busy !== null}>
            {integration ? 'Save changes' : 'Register integration'}
          </button>
          <button type="button" className="button" aria-disabled={busy !== null} onClick={test}>
            Test
          </button>
          <p role="status" className="muted form-status">
            {busyText(busy, result)}
          </p>
        </div>
      </form>
      {result ? (
        <section className="panel form-test-result">
          <ProbeResultView result={result} heading="Test result" />
        </section>
      ) : null}
    </FormIdPrefix>
  );
}
