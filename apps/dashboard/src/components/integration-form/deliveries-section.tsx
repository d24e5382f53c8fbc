import { MAX_TOLERANCE_SECONDS } from '@ihm/contracts';
import { Field } from '../form/field';
import { ActiveHoursFields } from './active-hours-fields';
import { SchemaEditor } from './schema-editor';
import type { SectionProps } from './section-props';
import type { ActiveHoursForm, WebhookForm } from './webhook-form-state';

/** What a webhook's deliveries should look like: how often they come, how fresh, when, and their payload. */
export function DeliveriesSection({ form, errors, edit }: SectionProps) {
  const webhook = form.webhook;
  const set = (field: string, patch: Partial<WebhookForm>) =>
    edit(field, { webhook: { ...webhook, ...patch } });
  const setHours = (field: string, patch: Partial<ActiveHoursForm>) =>
    set(field, { activeHours: { ...webhook.activeHours, ...patch } });
  return (
    <fieldset className="form-section">
      <legend>Expected deliveries</legend>
      <div className="form-grid">
        <Field
          field="webhook.maxSilenceSeconds"
          label="Silence alarm after (minutes)"
          hint="Down when no delivery arrives for this long."
          errors={errors['webhook.maxSilenceSeconds']}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="decimal"
              min={1}
              step="any"
              value={webhook.maxSilenceMinutes}
              onChange={(event) =>
                set('webhook.maxSilenceSeconds', { maxSilenceMinutes: event.target.value })
              }
            />
          )}
        </Field>
        <Field
          field="webhook.toleranceSeconds"
          label="Timestamp tolerance (seconds)"
          hint="Signed timestamps older or newer than this are refused as replays."
          errors={errors['webhook.toleranceSeconds']}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_TOLERANCE_SECONDS}
              step={1}
              value={webhook.toleranceSeconds}
              onChange={(event) => set('webhook.toleranceSeconds', { toleranceSeconds: event.target.value })}
            />
          )}
        </Field>
        <ActiveHoursFields hours={webhook.activeHours} errors={errors} onChange={setHours} />
        <SchemaEditor
          field="webhook.payloadSchema"
          label="Payload JSON Schema"
          text={webhook.payloadSchema}
          subject={{ every: 'delivery’s payload', short: 'payload' }}
          errors={errors['webhook.payloadSchema']}
          onChange={(payloadSchema) => set('webhook.payloadSchema', { payloadSchema })}
        />
      </div>
    </fieldset>
  );
}
