import { WEBHOOK_SCHEMES } from '@ihm/contracts';
import { hasStoredWebhookSecret } from './form-state';
import { InputField } from './input-field';
import { SchemeFields } from './scheme-fields';
import type { SectionProps } from './section-props';
import { STORED_RECEIVER_SECRET_NOTE } from './stored-secret-note';
import type { WebhookForm } from './webhook-form-state';

/** An inbound webhook: its name, and how the provider signs what it delivers to the monitor's receiver. */
export function WebhookSection(section: SectionProps) {
  const { form, errors, edit } = section;
  const set = (field: string, patch: Partial<WebhookForm>) =>
    edit(field, { webhook: { ...form.webhook, ...patch } });
  return (
    <fieldset className="form-section">
      <legend>Inbound webhook</legend>
      <div className="form-grid">
        <InputField field="name" label="Name" section={section} autoComplete="off" />
        <SchemeFields
          block="webhook"
          schemes={WEBHOOK_SCHEMES}
          value={form.webhook}
          storedSecret={hasStoredWebhookSecret(form)}
          storedNote={STORED_RECEIVER_SECRET_NOTE}
          errors={errors}
          onChange={set}
        />
        <p className="form-hint wide">
          The receiver URL to give the provider is shown on the integration’s page once it is registered.
        </p>
      </div>
    </fieldset>
  );
}
