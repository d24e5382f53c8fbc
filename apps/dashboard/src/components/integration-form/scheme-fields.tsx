import type { WebhookScheme } from '@ihm/contracts';
import { SCHEME_INFO } from '../../lib/webhook-schemes';
import { Field } from '../form/field';
import type { FieldMessages } from '../form/field-messages';
import { SecretField } from './secret-field';
import type { HmacForm } from './webhook-form-state';

interface SchemeValue<S extends WebhookScheme> {
  scheme: S;
  secret: string;
  hmac: HmacForm;
}

interface SchemeFieldsProps<S extends WebhookScheme> {
  /** The API's name of the block: `webhook` or `signing`; the inputs' fields are under it. */
  block: 'webhook' | 'signing';
  schemes: readonly S[];
  value: SchemeValue<S>;
  storedSecret: boolean;
  storedNote?: string;
  errors: FieldMessages;
  onChange(field: string, patch: Partial<SchemeValue<S>>): void;
}

/** A provider's signing scheme with its secret, and the generic scheme's header, encoding and prefix. */
export function SchemeFields<S extends WebhookScheme>({
  block,
  schemes,
  value,
  storedSecret,
  storedNote,
  errors,
  onChange,
}: SchemeFieldsProps<S>) {
  const info = SCHEME_INFO[value.scheme];
  const setHmac = (field: keyof HmacForm, text: string) =>
    onChange(`${block}.hmac.${field}`, { hmac: { ...value.hmac, [field]: text } });
  return (
    <>
      <Field field={`${block}.scheme`} label="Scheme" hint={info.hint} errors={errors[`${block}.scheme`]}>
        {(control) => (
          <select
            {...control}
            value={value.scheme}
            onChange={(event) =>
              onChange(`${block}.scheme`, {
                scheme: schemes.find((scheme) => scheme === event.target.value) ?? value.scheme,
              })
            }
          >
            {schemes.map((scheme) => (
              <option key={scheme} value={scheme}>
                {SCHEME_INFO[scheme].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.scheme === 'none' ? null : (
        <SecretField
          field={`${block}.secret`}
          label="Signing secret"
          value={value.secret}
          stored={storedSecret}
          storedNote={storedNote}
          hint={`${info.secretHint} Write-only: never shown again once saved.`}
          errors={errors[`${block}.secret`]}
          onChange={(secret) => onChange(`${block}.secret`, { secret })}
        />
      )}
      {value.scheme === 'hmac' ? (
        <>
          <Field
            field={`${block}.hmac.header`}
            label="Signature header"
            hint="For example X-Signature."
            errors={errors[`${block}.hmac.header`]}
          >
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                spellCheck={false}
                value={value.hmac.header}
                onChange={(event) => setHmac('header', event.target.value)}
              />
            )}
          </Field>
          <Field field={`${block}.hmac.encoding`} label="Encoding" errors={errors[`${block}.hmac.encoding`]}>
            {(control) => (
              <select
                {...control}
                value={value.hmac.encoding}
                onChange={(event) => setHmac('encoding', event.target.value === 'base64' ? 'base64' : 'hex')}
              >
                <option value="hex">hex</option>
                <option value="base64">base64</option>
              </select>
            )}
          </Field>
          <Field
            field={`${block}.hmac.prefix`}
            label="Signature prefix"
            hint="Optional, like sha256=."
            errors={errors[`${block}.hmac.prefix`]}
          >
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                spellCheck={false}
                value={value.hmac.prefix}
                onChange={(event) => setHmac('prefix', event.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
    </>
  );
}
