import type { FieldError } from '@ihm/contracts';
import { placeByPath, placeErrors, type PlacedErrors } from '../form/field-messages';
import { SCOPE_FIELDS, scopeItemOf } from '../scope/scope-form';
import { conditionKind } from './condition-inputs';
import type { RuleFormState } from './rule-form-state';

/** Names for list items in messages: channels and integrations by name, as the form lists them. */
export interface RuleNames {
  channel(id: string): string;
  integration(id: string): string;
}

/** The API's errors beside the inputs they are about (`channelIds.1` names the channel); the rest to the summary. */
export function placeRuleErrors(
  errors: readonly FieldError[],
  form: RuleFormState,
  names: RuleNames,
): PlacedErrors {
  const shown = new Set<string>([
    'name',
    'condition.type',
    ...conditionKind(form.conditionType).inputs.map(({ field }) => `condition.${field}`),
    ...SCOPE_FIELDS,
    'minSeverity',
    'channelIds',
    'renotifyMinutes',
  ]);
  const scopeItem = scopeItemOf(form.scope, names.integration);
  const itemOf = (field: string, index: number) => {
    if (field !== 'channelIds') return scopeItem(field, index);
    const id = form.channelIds[index];
    return id === undefined ? undefined : names.channel(id);
  };
  return placeErrors(errors, (error) =>
    placeByPath(error.field === 'condition' ? { ...error, field: 'condition.type' } : error, shown, itemOf),
  );
}
