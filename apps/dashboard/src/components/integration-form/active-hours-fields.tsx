import { DAY_NAMES, type DayName } from '@ihm/diagnosis';
import { ChoiceList } from '../form/choice-list';
import { Field } from '../form/field';
import type { FieldMessages } from '../form/field-messages';
import type { ActiveHoursForm } from './webhook-form-state';

const DAY_LABELS: Readonly<Record<DayName, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
const DAY_CHOICES = DAY_NAMES.map((day) => ({ value: day, label: DAY_LABELS[day] }));

const FIELD = 'webhook.activeHours';

interface ActiveHoursFieldsProps {
  hours: ActiveHoursForm;
  errors: FieldMessages;
  onChange(field: string, patch: Partial<ActiveHoursForm>): void;
}

/** Working hours: when on, silence outside these days and hours of a time zone is not counted. */
export function ActiveHoursFields({ hours, errors, onChange }: ActiveHoursFieldsProps) {
  const clock = (part: 'start' | 'end', label: string) => (
    <Field field={`${FIELD}.${part}`} label={label} errors={errors[`${FIELD}.${part}`]}>
      {(control) => (
        <input
          {...control}
          type="time"
          value={hours[part]}
          onChange={(event) => onChange(`${FIELD}.${part}`, { [part]: event.target.value })}
        />
      )}
    </Field>
  );
  return (
    <>
      <Field
        field={FIELD}
        label="Only during working hours"
        hint="Deliveries are expected only on these days and hours; silence outside them is fine."
        errors={errors[FIELD]}
        wide
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            className="form-checkbox"
            checked={hours.enabled}
            onChange={(event) => onChange(FIELD, { enabled: event.target.checked })}
          />
        )}
      </Field>
      {hours.enabled ? (
        <>
          <Field
            field={`${FIELD}.timeZone`}
            label="Time zone"
            hint="An IANA time zone, like Europe/Berlin."
            errors={errors[`${FIELD}.timeZone`]}
          >
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                spellCheck={false}
                value={hours.timeZone}
                onChange={(event) => onChange(`${FIELD}.timeZone`, { timeZone: event.target.value })}
              />
            )}
          </Field>
          {clock('start', 'From')}
          {clock('end', 'Until')}
          <ChoiceList
            field={`${FIELD}.days`}
            legend="Days"
            choices={DAY_CHOICES}
            selected={hours.days}
            errors={errors[`${FIELD}.days`]}
            onChange={(days) =>
              onChange(`${FIELD}.days`, { days: DAY_NAMES.filter((day) => days.includes(day)) })
            }
          />
        </>
      ) : null}
    </>
  );
}
