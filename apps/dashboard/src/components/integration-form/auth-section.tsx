import { AUTH_TYPES, type AuthType } from '@ihm/contracts';
import { AUTH_INPUTS, AUTH_TYPE_LABELS, isSecretAuthField, type AuthInput } from './auth-inputs';
import { Field, type ControlProps } from '../form/field';
import { STORED_SECRET_NOTE } from './stored-secret-note';
import { hasStoredAuthSecret, type AuthForm } from './form-state';
import type { SectionProps } from './section-props';

function typeOf(value: string, current: AuthType): AuthType {
  return AUTH_TYPES.find((type) => type === value) ?? current;
}

/** The auth type selector and the inputs of the selected type. */
export function AuthSection({ form, errors, edit }: SectionProps) {
  const auth = form.auth;
  const setAuth = (field: string, patch: Partial<AuthForm>) => edit(field, { auth: { ...auth, ...patch } });

  const control = (input: AuthInput, props: ControlProps) => {
    const field = input.field;
    if (field === 'in') {
      return (
        <select
          {...props}
          value={auth.in}
          onChange={(event) =>
            setAuth('auth.in', { in: event.target.value === 'query' ? 'query' : 'header' })
          }
        >
          <option value="header">Header</option>
          <option value="query">Query parameter</option>
        </select>
      );
    }
    if (field === 'clientAuthentication') {
      return (
        <select
          {...props}
          value={auth.clientAuthentication}
          onChange={(event) =>
            setAuth('auth.clientAuthentication', {
              clientAuthentication:
                event.target.value === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
            })
          }
        >
          <option value="client_secret_basic">HTTP Basic (client_secret_basic)</option>
          <option value="client_secret_post">In the form body (client_secret_post)</option>
        </select>
      );
    }
    const secret = isSecretAuthField(auth.type, field);
    return (
      <input
        {...props}
        type={secret ? 'password' : (input.type ?? 'text')}
        autoComplete={secret ? 'new-password' : 'off'}
        spellCheck={false}
        value={auth[field]}
        onChange={(event) => setAuth(`auth.${field}`, { [field]: event.target.value })}
      />
    );
  };

  return (
    <fieldset className="form-section">
      <legend>Authentication</legend>
      <div className="form-grid">
        <Field field="auth.type" label="Type" errors={errors['auth.type']}>
          {(props) => (
            <select
              {...props}
              value={auth.type}
              onChange={(event) => setAuth('auth.type', { type: typeOf(event.target.value, auth.type) })}
            >
              {AUTH_TYPES.map((type) => (
                <option key={type} value={type}>
                  {AUTH_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {AUTH_INPUTS[auth.type].map((input) => {
          const stored = isSecretAuthField(auth.type, input.field) && hasStoredAuthSecret(form);
          return (
            <Field
              key={input.field}
              field={`auth.${input.field}`}
              label={input.label}
              hint={stored ? STORED_SECRET_NOTE : input.hint}
              errors={errors[`auth.${input.field}`]}
            >
              {(props) => control(input, props)}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
