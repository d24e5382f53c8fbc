'use client';

import { CATEGORIES, CATEGORY_LABELS, type Category } from '@ihm/diagnosis';
import { ChoiceList } from '../form/choice-list';
import { Field } from '../form/field';
import type { FieldMessages } from '../form/field-messages';
import type { ScopeForm } from './scope-form';

export interface IntegrationChoice {
  id: string;
  name: string;
}

interface ScopeSectionProps {
  scope: ScopeForm;
  integrations: readonly IntegrationChoice[];
  errors: FieldMessages;
  /** What the scope is for, in the legend's hint: "the rule watches", "the silence holds". */
  covers: string;
  edit(field: string, scope: ScopeForm): void;
}

const CATEGORY_CHOICES = CATEGORIES.map((category) => ({
  value: category,
  label: CATEGORY_LABELS[category],
}));

/** Which integrations and failures: picked by name or tag, narrowed to categories; nothing picked is everything. */
export function ScopeSection({ scope, integrations, errors, covers, edit }: ScopeSectionProps) {
  const choices = integrations.map((integration) => ({ value: integration.id, label: integration.name }));
  return (
    <fieldset className="form-section">
      <legend>Scope</legend>
      <p className="form-hint">
        What {covers}: the integrations picked or tagged, all of them when none is; only the categories
        ticked, all when none is.
      </p>
      <div className="form-grid">
        <Field
          field="scope.tags"
          label="Tags"
          hint="Comma-separated, like payments, eu."
          errors={errors['scope.tags']}
        >
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              value={scope.tags}
              onChange={(event) => edit('scope.tags', { ...scope, tags: event.target.value })}
            />
          )}
        </Field>
        <ChoiceList
          field="scope.integrationIds"
          legend="Integrations"
          choices={choices}
          selected={scope.integrationIds}
          errors={errors['scope.integrationIds']}
          none="No integration is registered yet."
          onChange={(integrationIds) => edit('scope.integrationIds', { ...scope, integrationIds })}
        />
        <ChoiceList<Category>
          field="scope.categories"
          legend="Categories"
          choices={CATEGORY_CHOICES}
          selected={scope.categories}
          errors={errors['scope.categories']}
          onChange={(categories) => edit('scope.categories', { ...scope, categories })}
        />
      </div>
    </fieldset>
  );
}
