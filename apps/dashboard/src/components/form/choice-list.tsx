'use client';

import { describedBy, FieldErrors, useControlId } from './field';

interface ChoiceListProps<V extends string> {
  field: string;
  legend: string;
  choices: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange(selected: V[]): void;
  errors: readonly string[] | undefined;
  hint?: string;
  /** Said instead of the list when there is nothing to pick. */
  none?: string;
}

/** Checkboxes for picking several of a list (channels, categories, integrations), with hint and errors. */
export function ChoiceList<V extends string>({
  field,
  legend,
  choices,
  selected,
  onChange,
  errors,
  hint,
  none,
}: ChoiceListProps<V>) {
  const id = useControlId(field);
  const invalid = Boolean(errors?.length);
  const toggle = (value: V, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((candidate) => candidate !== value));
  return (
    <fieldset
      id={id}
      className="form-group wide"
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy(hint && `${id}-hint`, invalid && `${id}-error`)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      ) : null}
      {choices.length === 0 && none ? <p className="form-hint">{none}</p> : null}
      <ul className="choice-list">
        {choices.map((choice) => (
          <li key={choice.value}>
            <label>
              <input
                type="checkbox"
                className="form-checkbox"
                checked={selected.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.target.checked)}
              />
              {choice.label}
            </label>
          </li>
        ))}
      </ul>
      <FieldErrors id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}
