'use client';

import { CHANNEL_TYPES, type Channel, type ChannelType } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { Field, FormIdPrefix } from '../form/field';
import { SavingForm } from '../form/saving-form';
import { useFormSubmission } from '../form/use-form-submission';
import { placeChannelErrors } from './channel-field-errors';
import { emptyChannelForm, fromChannel, hasStoredSecret } from './channel-form-state';
import {
  CHANNEL_INPUTS,
  CHANNEL_TYPE_LABELS,
  isSecretChannelField,
  type ChannelInput,
} from './channel-inputs';
import { toChannelRequest, type ChannelRequestBody } from './to-channel-request';

export const STORED_CHANNEL_SECRET_NOTE = 'Stored — leave empty to keep, type to replace.';

export interface ChannelFormProps {
  /** The channel to edit, or null to add one. */
  channel: Channel | null;
  onSave(request: ChannelRequestBody): Promise<ActionResult<Channel>>;
  onSaved(channel: Channel): void;
}

function typeOf(value: string, current: ChannelType): ChannelType {
  return CHANNEL_TYPES.find((type) => type === value) ?? current;
}

/** Adds or edits a channel: the selected type's fields, secrets write-only, the API's errors inline. */
export function ChannelForm({ channel, onSave, onSaved }: ChannelFormProps) {
  const submission = useFormSubmission({
    initial: () => (channel ? fromChannel(channel) : emptyChannelForm()),
    build: toChannelRequest,
    place: placeChannelErrors,
    onSave,
    onSaved,
  });
  const { form, edit, errors } = submission;

  const control = (input: ChannelInput) => {
    const field = `config.${input.field}`;
    const secret = isSecretChannelField(form.type, input.field);
    const stored = secret && hasStoredSecret(form, input.field);
    const hint = stored
      ? STORED_CHANNEL_SECRET_NOTE
      : [input.hint, input.whenEmpty].filter(Boolean).join(' ');
    return (
      <Field
        key={input.field}
        field={field}
        label={input.label}
        hint={hint || undefined}
        errors={errors[field]}
      >
        {(props) =>
          input.field === 'secure' ? (
            <input
              {...props}
              type="checkbox"
              className="form-checkbox"
              checked={form.secure}
              onChange={(event) => edit(field, { secure: event.target.checked })}
            />
          ) : (
            <input
              {...props}
              type={secret ? 'password' : input.type}
              inputMode={input.type === 'number' ? 'numeric' : undefined}
              autoComplete={secret ? 'new-password' : 'off'}
              spellCheck={false}
              value={form[input.field]}
              onChange={(event) => edit(field, { [input.field]: event.target.value })}
            />
          )
        }
      </Field>
    );
  };

  return (
    <FormIdPrefix value="channel">
      <SavingForm submission={submission} submitLabel={channel ? 'Save changes' : 'Add channel'}>
        <fieldset className="form-section">
          <legend>Channel</legend>
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
            <Field field="type" label="Type" errors={errors.type}>
              {(props) => (
                <select
                  {...props}
                  value={form.type}
                  onChange={(event) => edit('type', { type: typeOf(event.target.value, form.type) })}
                >
                  {CHANNEL_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {CHANNEL_TYPE_LABELS[type]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{CHANNEL_TYPE_LABELS[form.type]}</legend>
          <div className="form-grid">{CHANNEL_INPUTS[form.type].map(control)}</div>
        </fieldset>
      </SavingForm>
    </FormIdPrefix>
  );
}
