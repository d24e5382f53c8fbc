import { InputField, NumberField } from './input-field';
import { SchemaEditor } from './schema-editor';
import type { SectionProps } from './section-props';

/** What counts as a working response: status codes, latency and the body's shape. */
export function ChecksSection(section: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Expected response</legend>
      <div className="form-grid">
        <InputField
          field="expectedStatus"
          label="Expected status codes"
          hint="Comma-separated, like 200, 204. Empty: any 2xx."
          inputMode="numeric"
          autoComplete="off"
          section={section}
        />
        <NumberField
          field="latencyThresholdMs"
          label="Latency threshold (ms)"
          hint="Optional. Slower responses count as degraded."
          min={1}
          section={section}
        />
        <SchemaEditor
          field="responseSchema"
          label="Response JSON Schema"
          text={section.form.responseSchema}
          subject={{ every: 'response body', short: 'body' }}
          errors={section.errors.responseSchema}
          onChange={(responseSchema) => section.edit('responseSchema', { responseSchema })}
        />
      </div>
    </fieldset>
  );
}
