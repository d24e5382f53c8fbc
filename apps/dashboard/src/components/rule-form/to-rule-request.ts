import type { AlertRule } from '@ihm/contracts';
import { addMessage, type BuiltRequest, type FieldMessages } from '../form/field-messages';
import { toScope } from '../scope/scope-form';
import { conditionKind } from './condition-inputs';
import type { RuleFormState } from './rule-form-state';

/** The whole rule: a create takes it, and so does an edit (a PATCH of every field). */
export type RuleRequest = Pick<
  AlertRule,
  'name' | 'condition' | 'scope' | 'minSeverity' | 'channelIds' | 'renotifyMinutes'
>;

const WHOLE_NUMBER = /^\d+$/;

/** Form text to the API's body: the selected condition's fields only; ranges and the rest are the API's call. */
export function toRuleRequest(form: RuleFormState): BuiltRequest<RuleRequest> {
  const errors: FieldMessages = {};
  const wholeNumber = (field: string, text: string): number => {
    const trimmed = text.trim();
    if (trimmed === '') addMessage(errors, field, 'Enter a number.');
    else if (!WHOLE_NUMBER.test(trimmed)) addMessage(errors, field, 'Enter a whole number.');
    return Number(trimmed);
  };
  const numbers = Object.fromEntries(
    conditionKind(form.conditionType).inputs.map(({ field }) => [
      field,
      wholeNumber(`condition.${field}`, form.numbers[field]),
    ]),
  );
  const request: RuleRequest = {
    name: form.name.trim(),
    condition: { type: form.conditionType, ...numbers } as RuleRequest['condition'],
    scope: toScope(form.scope),
    minSeverity: form.minSeverity,
    channelIds: form.channelIds,
    renotifyMinutes: form.reminders ? wholeNumber('renotifyMinutes', form.renotifyMinutes) : null,
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, request };
}
