import { Field } from '../form/field';
import { STORED_SECRET_NOTE } from './stored-secret-note';

interface SecretFieldProps {
  field: string;
  label: string;
  value: string;
  /** A stored secret: its input starts empty, and left empty it keeps the stored value. */
  stored: boolean;
  hint?: string;
  /** The note shown instead of the hint while a secret is stored. */
  storedNote?: string;
  errors: readonly string[] | undefined;
  onChange(value: string): void;
}

/** A write-only secret: a password input that never shows what is stored, with the stored-secret note. */
export function SecretField({
  field,
  label,
  value,
  stored,
  hint,
  storedNote = STORED_SECRET_NOTE,
  errors,
  onChange,
}: SecretFieldProps) {
  return (
    <Field field={field} label={label} hint={stored ? storedNote : hint || undefined} errors={errors}>
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
