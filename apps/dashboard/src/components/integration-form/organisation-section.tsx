import { Field } from '../form/field';
import { InputField } from './input-field';
import { splitList } from '../form/list-text';
import type { SectionProps } from './section-props';

/** Tags to find and group the integration by, and whether it is probed at all. */
export function OrganisationSection(section: SectionProps) {
  const { form, errors, edit } = section;
  const tags = splitList(form.tags);
  return (
    <fieldset className="form-section">
      <legend>Organisation</legend>
      <div className="form-grid">
        <div className="stack">
          <InputField
            field="tags"
            label="Tags"
            hint="Comma-separated, like payments, eu."
            autoComplete="off"
            section={section}
          />
          {tags.length > 0 ? (
            <ul className="tag-chips" aria-label="Tags as they will be saved">
              {tags.map((tag, index) => (
                <li key={`${index}:${tag}`} className="chip">
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <Field
          field="paused"
          label="Paused"
          hint="A paused integration is not probed, and its deliveries are not checked."
          errors={errors.paused}
        >
          {(control) => (
            <input
              {...control}
              type="checkbox"
              className="form-checkbox"
              checked={form.paused}
              onChange={(event) => edit('paused', { paused: event.target.checked })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
