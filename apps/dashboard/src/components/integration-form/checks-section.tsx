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
        <SchemaEditor {...section} />
      </div>
    </fieldset>
  );
}
