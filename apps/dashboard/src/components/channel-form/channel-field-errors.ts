import type { FieldError } from '@ihm/contracts';
import { placeByPath, placeErrors, type PlacedErrors } from '../form/field-messages';
import { splitList } from '../form/list-text';
import { CHANNEL_INPUTS } from './channel-inputs';
import type { ChannelFormState } from './channel-form-state';

/** The API's errors beside the inputs of the selected type (`config.to.1` names the address as typed). */
export function placeChannelErrors(errors: readonly FieldError[], form: ChannelFormState): PlacedErrors {
  const shown = new Set([
    'name',
    'type',
    ...CHANNEL_INPUTS[form.type].map((input) => `config.${input.field}`),
  ]);
  const itemOf = (field: string, index: number) =>
    field === 'config.to' ? splitList(form.to)[index] : undefined;
  return placeErrors(errors, (error) => placeByPath(error, shown, itemOf));
}
