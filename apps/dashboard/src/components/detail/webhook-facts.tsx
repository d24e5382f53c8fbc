import type { WebhookIntegration } from '@ihm/contracts';
import { SCHEME_INFO } from '../../lib/webhook-schemes';
import { formatSeconds } from '../../lib/format';

const minutes = (seconds: number) => `${Math.round((seconds / 60) * 10) / 10} min`;

/** A webhook integration's configuration facts: how it verifies and what it expects. */
export function WebhookFacts({ webhook, paused }: Pick<WebhookIntegration, 'webhook' | 'paused'>) {
  const hours = webhook.activeHours;
  return (
    <>
      <dt>Receives</dt>
      <dd>
        webhook · {SCHEME_INFO[webhook.scheme].label}
        {webhook.scheme === 'hmac' && webhook.hmac ? (
          <>
            {' '}
            (<code>{webhook.hmac.header}</code>, {webhook.hmac.encoding})
          </>
        ) : null}
      </dd>
      <dt>Silence alarm</dt>
      <dd>
        after {minutes(webhook.maxSilenceSeconds)} without a delivery
        {paused ? ' · paused' : ''}
      </dd>
      <dt>Timestamp tolerance</dt>
      <dd>{formatSeconds(webhook.toleranceSeconds)}</dd>
      <dt>Working hours</dt>
      <dd>
        {hours
          ? `${hours.days.join(', ')} ${hours.start}–${hours.end} (${hours.timeZone})`
          : 'every hour counts'}
      </dd>
      <dt>Payload schema</dt>
      <dd>{webhook.payloadSchema ? 'checked on every delivery' : 'none'}</dd>
    </>
  );
}
