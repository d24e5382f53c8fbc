'use client';

import { use } from 'react';
import { WEEKDAYS } from '../../lib/silence-agenda';
import { FieldErrors, FormIdPrefix, controlId, describedBy } from '../form/field';
import type { FieldMessages } from '../form/field-messages';
import { addWindowRow, windowField, type WeeklyRow } from './silence-form-state';

interface WeeklyWindowsProps {
  rows: WeeklyRow[];
  errors: FieldMessages;
  edit(field: string, rows: WeeklyRow[]): void;
}

const PARTS = [
  { part: 'day', label: 'Day' },
  { part: 'start', label: 'From (UTC)' },
  { part: 'end', label: 'To (UTC)' },
] as const;

/** The weekly windows of a recurring silence: a day and a time span each, in UTC, as the monitor reads them. */
export function WeeklyWindows({ rows, errors, edit }: WeeklyWindowsProps) {
  const prefix = use(FormIdPrefix);
  const change = (row: WeeklyRow, patch: Partial<WeeklyRow>, field: string) =>
    edit(
      field,
      rows.map((candidate) => (candidate.key === row.key ? { ...candidate, ...patch } : candidate)),
    );
  const groupId = controlId(prefix, 'recurrence.weekly');
  return (
    <fieldset
      id={groupId}
      className="form-group wide"
      aria-describedby={describedBy(
        `${groupId}-hint`,
        Boolean(errors['recurrence.weekly']?.length) && `${groupId}-error`,
      )}
    >
      <legend>Weekly windows</legend>
      <p id={`${groupId}-hint`} className="form-hint">
        Times in UTC; an end not after its start runs into the next day (22:00 to 02:00).
      </p>
      <ul className="window-rows">
        {rows.map((row, index) => (
          <li key={row.key} className="window-row">
            {PARTS.map(({ part, label }) => {
              const field = windowField(index, part);
              const id = controlId(prefix, `${field}-${row.key}`);
              const invalid = Boolean(errors[field]?.length);
              const control = {
                id,
                'aria-invalid': invalid || undefined,
                'aria-describedby': describedBy(invalid && `${id}-error`),
              };
              return (
                <div key={part} className="form-field">
                  <label htmlFor={id}>
                    {label}
                    <span className="visually-hidden"> of window {index + 1}</span>
                  </label>
                  {part === 'day' ? (
                    <select
                      {...control}
                      value={row.day}
                      onChange={(e) => change(row, { day: e.target.value }, field)}
                    >
                      {WEEKDAYS.map((day, value) => (
                        <option key={day} value={String(value)}>
                          {day}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...control}
                      type="time"
                      value={row[part]}
                      onChange={(e) => change(row, { [part]: e.target.value }, field)}
                    />
                  )}
                  <FieldErrors id={`${id}-error`} messages={errors[field]} />
                </div>
              );
            })}
            <button
              type="button"
              className="button small ghost"
              aria-label={`Remove window ${index + 1}`}
              disabled={rows.length === 1}
              onClick={() =>
                edit(
                  'recurrence.weekly',
                  rows.filter((candidate) => candidate.key !== row.key),
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button small"
        onClick={() => edit('recurrence.weekly', addWindowRow(rows))}
      >
        Add window
      </button>
      <FieldErrors id={`${groupId}-error`} messages={errors['recurrence.weekly']} />
    </fieldset>
  );
}
