import type { ReactNode } from 'react';
import { Field } from '../form/field';
import type { FieldMessages } from '../form/field-messages';

interface OptionalSectionProps {
  legend: string;
  /** The block's field name: its errors show under the switch. */
  field: string;
  label: string;
  enabled: boolean;
  hint: string;
  errors: FieldMessages;
  onToggle(enabled: boolean): void;
  /** The block's fields, shown while it is on. */
  children: ReactNode;
}

/**
 * A block of the definition that is off by default (a client certificate, request signing): a switch, and its
 * fields while it is on. Turned off, the fields keep what was typed but the request sends null.
 */
export function OptionalSection({
  legend,
  field,
  label,
  enabled,
  hint,
  errors,
  onToggle,
  children,
}: OptionalSectionProps) {
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      <div className="form-grid">
        <Field field={field} label={label} hint={hint} errors={errors[field]} wide>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              className="form-checkbox"
              checked={enabled}
              onChange={(event) => onToggle(event.target.checked)}
            />
          )}
        </Field>
        {enabled ? children : null}
      </div>
    </fieldset>
  );
}
