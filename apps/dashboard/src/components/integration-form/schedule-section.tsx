import { MAX_INTERVAL_SECONDS, MAX_TIMEOUT_MS, MIN_INTERVAL_SECONDS, MIN_TIMEOUT_MS } from '@ihm/contracts';
import { NumberField } from './input-field';
import type { SectionProps } from './section-props';

/** How often to probe, how long to wait, and how early to warn. */
export function ScheduleSection(section: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Schedule and warnings</legend>
      <div className="form-grid">
        <NumberField
          field="intervalSeconds"
          label="Interval (seconds)"
          hint={`At least ${MIN_INTERVAL_SECONDS}.`}
          min={MIN_INTERVAL_SECONDS}
          max={MAX_INTERVAL_SECONDS}
          section={section}
        />
        <NumberField
          field="timeoutMs"
          label="Timeout (ms)"
          hint="No longer than the interval."
          min={MIN_TIMEOUT_MS}
          max={MAX_TIMEOUT_MS}
          section={section}
        />
        <NumberField
          field="rateLimitWarnPercent"
          label="Rate-limit warning (% remaining)"
          hint="Degraded when less of the budget is left."
          min={0}
          max={100}
          section={section}
        />
        <NumberField
          field="tokenExpiryWarnDays"
          label="Credential expiry warning (days)"
          hint="Degraded when the bearer token (its JWT exp) expires sooner."
          min={0}
          max={365}
          section={section}
        />
        <NumberField
          field="certificateExpiryWarnDays"
          label="Certificate expiry warning (days)"
          hint="Degraded when the TLS certificate expires sooner."
          min={0}
          max={365}
          section={section}
        />
      </div>
    </fieldset>
  );
}
