import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '../form/field';
import { textPatch, type SectionProps, type TextField } from './section-props';

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'form'>;

interface InputFieldProps extends InputAttributes {
  field: TextField;
  label: string;
  hint?: ReactNode;
  wide?: boolean;
  section: SectionProps;
}

/** A text or number input bound to one text field of the form. */
export function InputField({ field, label, hint, wide, section, ...input }: InputFieldProps) {
  return (
    <Field field={field} label={label} hint={hint} wide={wide} errors={section.errors[field]}>
      {(control) => (
        <input
          {...input}
          {...control}
          value={section.form[field]}
          onChange={(event) => section.edit(field, textPatch(field, event.target.value))}
        />
      )}
    </Field>
  );
}

/** Whole numbers; `min`/`max` steer the spinner, the API checks the range. */
export function NumberField(props: InputFieldProps & { min: number; max?: number }) {
  return <InputField type="number" inputMode="numeric" step={1} {...props} />;
}
