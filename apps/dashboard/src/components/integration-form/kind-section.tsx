import type { IntegrationKind } from '@ihm/contracts';
import { describedBy, useControlId } from '../form/field';
import type { SectionProps } from './section-props';

const KINDS: readonly { kind: IntegrationKind; label: string; hint: string }[] = [
  { kind: 'http', label: 'HTTP probe', hint: 'The monitor calls the API on a schedule.' },
  {
    kind: 'webhook',
    label: 'Inbound webhook',
    hint: 'A provider posts to the monitor; each delivery is verified, and silence is an alarm.',
  },
];

/** HTTP probe or inbound webhook: chosen when registering, fixed once created. */
export function KindSection({ form, edit }: SectionProps) {
  const id = useControlId('kind');
  const fixed = form.stored !== null;
  return (
    <fieldset className="form-section" aria-describedby={describedBy(fixed && `${id}-hint`)}>
      <legend>Kind</legend>
      <div className="kind-choices" role="radiogroup" aria-label="Kind">
        {KINDS.map(({ kind, label, hint }) => (
          <div key={kind} className="kind-choice">
            <label>
              <input
                type="radio"
                name="integration-kind"
                value={kind}
                checked={form.kind === kind}
                disabled={fixed}
                aria-describedby={`${id}-${kind}-hint`}
                onChange={() => edit('kind', { kind })}
              />
              <strong>{label}</strong>
            </label>
            <p id={`${id}-${kind}-hint`} className="form-hint">
              {hint}
            </p>
          </div>
        ))}
      </div>
      {fixed ? (
        <p id={`${id}-hint`} className="form-hint">
          Fixed once created: register a new integration for the other kind.
        </p>
      ) : null}
    </fieldset>
  );
}
