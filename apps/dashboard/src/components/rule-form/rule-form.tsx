'use client';

import type { AlertRule } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { ChoiceList } from '../form/choice-list';
import { Field, FormIdPrefix } from '../form/field';
import { SavingForm } from '../form/saving-form';
import { useFormSubmission } from '../form/use-form-submission';
import { ScopeSection, type IntegrationChoice } from '../scope/scope-section';
import { CONDITION_KINDS, conditionKind, type ConditionType } from './condition-inputs';
import { placeRuleErrors } from './rule-field-errors';
import { emptyRuleForm, fromRule } from './rule-form-state';
import { toRuleRequest, type RuleRequest } from './to-rule-request';

export interface RuleFormProps {
  /** The rule to edit, or null to add one. */
  rule: AlertRule | null;
  channels: readonly { id: string; name: string }[];
  integrations: readonly IntegrationChoice[];
  onSave(request: RuleRequest): Promise<ActionResult<AlertRule>>;
  onSaved(rule: AlertRule): void;
}

function conditionTypeOf(value: string, current: ConditionType): ConditionType {
  return CONDITION_KINDS.find((kind) => kind.type === value)?.type ?? current;
}

const nameIn = (list: readonly { id: string; name: string }[]) => (id: string) =>
  list.find((item) => item.id === id)?.name ?? id;

/** Adds or edits an alert rule: condition and its numbers, scope, severity, channels and reminders. */
export function RuleForm({ rule, channels, integrations, onSave, onSaved }: RuleFormProps) {
  const submission = useFormSubmission({
    initial: () => (rule ? fromRule(rule) : emptyRuleForm()),
    build: toRuleRequest,
    place: (fieldErrors, sent) =>
      placeRuleErrors(fieldErrors, sent, { channel: nameIn(channels), integration: nameIn(integrations) }),
    onSave,
    onSaved,
  });
  const { form, edit, errors } = submission;

  // A new condition starts at the severity it sees: warnings are degraded results, failures down ones.
  const chooseCondition = (type: ConditionType) =>
    edit('condition.type', { conditionType: type, minSeverity: conditionKind(type).severity });

  return (
    <FormIdPrefix value="rule">
      <SavingForm submission={submission} submitLabel={rule ? 'Save changes' : 'Add rule'}>
        <fieldset className="form-section">
          <legend>Condition</legend>
          <div className="form-grid">
            <Field field="name" label="Name" errors={errors.name}>
              {(props) => (
                <input
                  {...props}
                  autoComplete="off"
                  value={form.name}
                  onChange={(event) => edit('name', { name: event.target.value })}
                />
              )}
            </Field>
            <Field field="condition.type" label="Fires when" errors={errors['condition.type']}>
              {(props) => (
                <select
                  {...props}
                  value={form.conditionType}
                  onChange={(event) =>
                    chooseCondition(conditionTypeOf(event.target.value, form.conditionType))
                  }
                >
                  {CONDITION_KINDS.map((kind) => (
                    <option key={kind.type} value={kind.type}>
                      {kind.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {conditionKind(form.conditionType).inputs.map(({ field, label }) => (
              <Field
                key={field}
                field={`condition.${field}`}
                label={label}
                errors={errors[`condition.${field}`]}
              >
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    value={form.numbers[field]}
                    onChange={(event) =>
                      edit(`condition.${field}`, {
                        numbers: { ...form.numbers, [field]: event.target.value },
                      })
                    }
                  />
                )}
              </Field>
            ))}
            <Field
              field="minSeverity"
              label="Counts results that are"
              hint="Down: failures only. Degraded: warnings too (slow, budget low, expiring)."
              errors={errors.minSeverity}
            >
              {(props) => (
                <select
                  {...props}
                  value={form.minSeverity}
                  onChange={(event) =>
                    edit('minSeverity', {
                      minSeverity: event.target.value === 'degraded' ? 'degraded' : 'down',
                    })
                  }
                >
                  <option value="down">down</option>
                  <option value="degraded">degraded or down</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <ScopeSection
          scope={form.scope}
          integrations={integrations}
          errors={errors}
          covers="the rule watches"
          edit={(field, scope) => edit(field, { scope })}
        />
        <fieldset className="form-section">
          <legend>Notifications</legend>
          <div className="form-grid">
            <ChoiceList
              field="channelIds"
              legend="Channels"
              choices={channels.map((channel) => ({ value: channel.id, label: channel.name }))}
              selected={form.channelIds}
              errors={errors.channelIds}
              hint="Without a channel the rule's alerts are recorded, and nobody is told."
              none="No channel yet: add one on the Channels page."
              onChange={(channelIds) => edit('channelIds', { channelIds })}
            />
            <Field
              field="reminders"
              label="Remind while firing"
              hint="Until the alert is acknowledged or resolves. Off: one notification per change."
              errors={undefined}
            >
              {(props) => (
                <input
                  {...props}
                  type="checkbox"
                  className="form-checkbox"
                  checked={form.reminders}
                  onChange={(event) => edit('renotifyMinutes', { reminders: event.target.checked })}
                />
              )}
            </Field>
            {form.reminders ? (
              <Field field="renotifyMinutes" label="Remind every (minutes)" errors={errors.renotifyMinutes}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    value={form.renotifyMinutes}
                    onChange={(event) => edit('renotifyMinutes', { renotifyMinutes: event.target.value })}
                  />
                )}
              </Field>
            ) : null}
          </div>
        </fieldset>
      </SavingForm>
    </FormIdPrefix>
  );
}
