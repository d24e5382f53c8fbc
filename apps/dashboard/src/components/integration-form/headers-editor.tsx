import { isCredentialName } from '@ihm/contracts';
import { use, useRef, useState } from 'react';
import { FieldErrors, FormIdPrefix, controlId, describedBy } from '../form/field';
import { STORED_SECRET_NOTE } from './stored-secret-note';
import { headerRowField } from './field-errors';
import { addHeaderRow, hasStoredHeaderSecret, type HeaderRow } from './form-state';
import type { SectionProps } from './section-props';

/** Rows of header name and value. Values of credential-like headers are write-only, like auth secrets. */
export function HeadersEditor({ form, errors, edit }: SectionProps) {
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const rows = form.headers;
  const prefix = use(FormIdPrefix);
  const groupId = controlId(prefix, 'headers');

  const change = (row: HeaderRow, patch: Partial<HeaderRow>) =>
    edit(headerRowField(row), {
      headers: rows.map((candidate) => (candidate.key === row.key ? { ...candidate, ...patch } : candidate)),
    });
  const add = () => {
    const headers = addHeaderRow(rows);
    setAddedKey(headers.at(-1)?.key ?? null);
    edit('headers', { headers });
  };
  const remove = (row: HeaderRow) => {
    edit(headerRowField(row), { headers: rows.filter((candidate) => candidate.key !== row.key) });
    addButton.current?.focus();
  };

  return (
    <fieldset
      id={groupId}
      className="form-group wide"
      aria-describedby={describedBy(Boolean(errors.headers?.length) && `${groupId}-error`)}
    >
      <legend>Headers</legend>
      {rows.length === 0 ? <p className="form-hint">No extra headers.</p> : null}
      <ul className="header-rows">
        {rows.map((row, index) => {
          const field = headerRowField(row);
          const id = controlId(prefix, field);
          const rowErrors = errors[field];
          const invalid = Boolean(rowErrors?.length);
          const stored = hasStoredHeaderSecret(form, row);
          const control = {
            'aria-invalid': invalid || undefined,
            'aria-describedby': describedBy(stored && `${id}-hint`, invalid && `${id}-error`),
          };
          const number = index + 1;
          return (
            <li key={row.key} className="header-row">
              <label htmlFor={`${id}-name`} className="visually-hidden">
                Header {number} name
              </label>
              <input
                {...control}
                id={`${id}-name`}
                value={row.name}
                placeholder="Name"
                autoComplete="off"
                spellCheck={false}
                autoFocus={row.key === addedKey}
                onChange={(event) => change(row, { name: event.target.value })}
              />
              <label htmlFor={`${id}-value`} className="visually-hidden">
                Header {number} value
              </label>
              <input
                {...control}
                id={`${id}-value`}
                type={isCredentialName(row.name) ? 'password' : 'text'}
                value={row.value}
                placeholder="Value"
                autoComplete={isCredentialName(row.name) ? 'new-password' : 'off'}
                spellCheck={false}
                onChange={(event) => change(row, { value: event.target.value })}
              />
              <button
                type="button"
                className="button small ghost"
                aria-label={`Remove header ${number}${row.name ? ` (${row.name})` : ''}`}
                onClick={() => remove(row)}
              >
                Remove
              </button>
              {stored ? (
                <p id={`${id}-hint`} className="form-hint">
                  {STORED_SECRET_NOTE}
                </p>
              ) : null}
              <FieldErrors id={`${id}-error`} messages={rowErrors} />
            </li>
          );
        })}
      </ul>
      <button ref={addButton} type="button" className="button small" onClick={add}>
        Add header
      </button>
      <FieldErrors id={`${groupId}-error`} messages={errors.headers} />
    </fieldset>
  );
}
