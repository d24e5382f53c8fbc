import { SIGNING_SCHEMES } from '@ihm/contracts';
import { hasStoredSigningSecret } from './form-state';
import { OptionalSection } from './optional-section';
import { SchemeFields } from './scheme-fields';
import type { SectionProps } from './section-props';
import type { SigningForm } from './webhook-form-state';

/**
 * Signs the probe's request body as a webhook provider would, to check the team's own webhook endpoint
 * end to end. Off by default; like the client certificate, turned off it keeps what was typed but sends null.
 */
export function SigningSection({ form, errors, edit }: SectionProps) {
  const signing = form.signing;
  const set = (field: string, patch: Partial<SigningForm>) =>
    edit(field, { signing: { ...signing, ...patch } });
  const stored = hasStoredSigningSecret(form);
  return (
    <OptionalSection
      legend="Webhook signature"
      field="signing"
      label="Sign the request as a webhook provider"
      enabled={signing.enabled}
      hint={
        !signing.enabled && stored
          ? 'Off: saving removes the stored signing secret.'
          : 'For probing your own webhook endpoint: the body is signed with the scheme and secret below.'
      }
      errors={errors}
      onToggle={(enabled) => set('signing', { enabled })}
    >
      <SchemeFields
        block="signing"
        schemes={SIGNING_SCHEMES}
        value={signing}
        storedSecret={stored}
        errors={errors}
        onChange={set}
      />
    </OptionalSection>
  );
}
