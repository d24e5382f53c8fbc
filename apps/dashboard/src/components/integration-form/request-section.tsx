import { HTTP_METHODS, type HttpMethod } from '@ihm/contracts';
import { Field } from '../form/field';
import { methodTakesBody } from './form-state';
import { HeadersEditor } from './headers-editor';
import { InputField } from './input-field';
import type { SectionProps } from './section-props';

function methodOf(value: string, current: HttpMethod): HttpMethod {
  return HTTP_METHODS.find((method) => method === value) ?? current;
}

/** What the probe sends: name, URL, method, headers and body. */
export function RequestSection(section: SectionProps) {
  const { form, errors, edit } = section;
  return (
    <fieldset className="form-section">
      <legend>Request</legend>
      <div className="form-grid">
        <InputField field="name" label="Name" section={section} autoComplete="off" />
        <Field field="method" label="Method" errors={errors.method}>
          {(control) => (
            <select
              {...control}
              value={form.method}
              onChange={(event) => edit('method', { method: methodOf(event.target.value, form.method) })}
            >
              {HTTP_METHODS.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </select>
          )}
        </Field>
        <InputField
          field="url"
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://api.example.com/v1/status"
          spellCheck={false}
          autoComplete="off"
          wide
          section={section}
        />
        <HeadersEditor {...section} />
        {methodTakesBody(form.method) ? (
          <Field field="body" label="Body" hint="Sent as is." errors={errors.body} wide>
            {(control) => (
              <textarea
                {...control}
                className="code"
                rows={5}
                spellCheck={false}
                value={form.body}
                onChange={(event) => edit('body', { body: event.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
    </fieldset>
  );
}
