import type { ChannelRequest } from '@ihm/contracts';
import { addMessage, type BuiltRequest, type FieldMessages } from '../form/field-messages';
import { splitList } from '../form/list-text';
import { CHANNEL_INPUTS, isSecretChannelField, type ChannelConfigField } from './channel-inputs';
import { hasStoredSecret, type ChannelFormState } from './channel-form-state';

export type ChannelRequestBody = {
  name: string;
  type: ChannelRequest['type'];
  config: Record<string, unknown>;
};

/**
 * Form text to the API's request body, with the selected type's fields only. An empty optional field and an
 * empty input of a stored secret are left out (the monitor then generates the webhook secret, or keeps the
 * stored one); every other rule is the API's.
 */
export function toChannelRequest(form: ChannelFormState): BuiltRequest<ChannelRequestBody> {
  const errors: FieldMessages = {};
  const config: Record<string, unknown> = {};
  for (const input of CHANNEL_INPUTS[form.type]) {
    const field: ChannelConfigField = input.field;
    if (field === 'secure') {
      config.secure = form.secure;
      continue;
    }
    const value = isSecretChannelField(form.type, field) ? form[field] : form[field].trim();
    if (value === '' && (input.whenEmpty !== undefined || hasStoredSecret(form, field))) continue;
    if (field === 'port') {
      if (!/^\d+$/.test(value)) addMessage(errors, 'config.port', 'Enter a whole number.');
      config.port = Number(value);
    } else if (field === 'to') config.to = splitList(value);
    else config[field] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { name: form.name.trim(), type: form.type, config } };
}
