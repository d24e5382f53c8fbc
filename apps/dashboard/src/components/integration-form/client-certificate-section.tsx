import { Field } from '../form/field';
import { OptionalSection } from './optional-section';
import { SecretField } from './secret-field';
import { STORED_SECRET_NOTE } from './stored-secret-note';
import { hasStoredPassphrase, hasStoredPrivateKey, type ClientCertificateForm } from './form-state';
import type { SectionProps } from './section-props';

const CERTIFICATE_PLACEHOLDER = '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----';
const PRIVATE_KEY_PLACEHOLDER = '-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----';

/**
 * Mutual TLS: the certificate and key the probe presents to the integration's origin. The certificate is public
 * and shown as stored; the key and its passphrase are write-only, like the auth block's secrets.
 */
export function ClientCertificateSection({ form, errors, edit }: SectionProps) {
  const certificate = form.clientCertificate;
  const set = (field: string, patch: Partial<ClientCertificateForm>) =>
    edit(field, { clientCertificate: { ...certificate, ...patch } });
  const storedKey = hasStoredPrivateKey(form);
  const storedPassphrase = hasStoredPassphrase(form);

  return (
    <OptionalSection
      legend="Client certificate (mutual TLS)"
      field="clientCertificate"
      label="Present a client certificate"
      enabled={certificate.enabled}
      hint={
        !certificate.enabled && storedKey
          ? 'Off: saving removes the stored certificate and key.'
          : 'For APIs that ask the client for a certificate in the TLS handshake. Sent to this origin only.'
      }
      errors={errors}
      onToggle={(enabled) => set('clientCertificate', { enabled })}
    >
      <Field
        field="clientCertificate.certificate"
        label="Certificate (PEM)"
        hint="The client certificate first, then any intermediates. Public: shown as saved."
        errors={errors['clientCertificate.certificate']}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            className="code"
            rows={8}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder={CERTIFICATE_PLACEHOLDER}
            value={certificate.certificate}
            onChange={(event) => set('clientCertificate.certificate', { certificate: event.target.value })}
          />
        )}
      </Field>
      <Field
        field="clientCertificate.privateKey"
        label="Private key (PEM)"
        hint={
          storedKey
            ? STORED_SECRET_NOTE
            : 'PKCS#8 or PKCS#1, encrypted or not. Write-only: never shown again once saved.'
        }
        errors={errors['clientCertificate.privateKey']}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            className="code"
            rows={6}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder={PRIVATE_KEY_PLACEHOLDER}
            value={certificate.privateKey}
            onChange={(event) => set('clientCertificate.privateKey', { privateKey: event.target.value })}
          />
        )}
      </Field>
      <SecretField
        field="clientCertificate.passphrase"
        label="Key passphrase"
        value={certificate.passphrase}
        stored={storedPassphrase}
        hint="Optional: only for an encrypted key."
        errors={errors['clientCertificate.passphrase']}
        onChange={(passphrase) => set('clientCertificate.passphrase', { passphrase })}
      />
    </OptionalSection>
  );
}
