import type { FormEvent, ReactNode, Ref } from 'react';
import { ErrorSummary, type FormProblem } from './error-summary';

interface SavingFormProps {
  /** From useFormSubmission: what the form is busy with, why it last failed, and how it saves. */
  submission: {
    busy: string | null;
    problem: FormProblem | null;
    summary: Ref<HTMLDivElement>;
    save(event: FormEvent): void;
  };
  submitLabel: string;
  /** Buttons after the submit button: a Test. */
  actions?: ReactNode;
  /** The status line; by default "Saving…" while busy. */
  status?: string;
  /** The form's sections. */
  children: ReactNode;
}

/** A form that saves: the summary of what went wrong on top, its sections, then submit and a status line. */
export function SavingForm({ submission, submitLabel, actions, status, children }: SavingFormProps) {
  const busy = submission.busy !== null;
  return (
    <form className="integration-form" noValidate aria-busy={busy} onSubmit={submission.save}>
      <ErrorSummary ref={submission.summary} problem={submission.problem} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button primary" aria-disabled={busy}>
          {submitLabel}
        </button>
        {actions}
        <p role="status" className="muted form-status">
          {status ?? (busy ? 'Saving…' : '')}
        </p>
      </div>
    </form>
  );
}
