import type { FieldError } from '@ihm/contracts';
import type { Ref } from 'react';

/** Why the last save or test did not go through. */
export interface FormProblem {
  message: string;
  /** Errors of fields the form has no input for. */
  unplaced: FieldError[];
  /** How many inputs were marked with their own errors at the time. */
  marked: number;
}

export function ErrorSummary({ problem, ref }: { problem: FormProblem | null; ref: Ref<HTMLDivElement> }) {
  if (!problem) return null;
  return (
    <div ref={ref} className="banner form-summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{problem.message}</strong>
      </p>
      {problem.unplaced.length > 0 ? (
        <ul>
          {problem.unplaced.map((error, index) => (
            <li key={`${index}:${error.field}`}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.marked > 0 ? (
        <p>
          {problem.marked === 1 ? 'One field below is marked.' : `${problem.marked} fields below are marked.`}
        </p>
      ) : null}
    </div>
  );
}
