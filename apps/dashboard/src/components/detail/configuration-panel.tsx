import type { HttpIntegration, Integration } from '@ihm/contracts';
import { formatMs, formatSeconds } from '../../lib/format';
import { SCHEME_INFO } from '../../lib/webhook-schemes';
import { WebhookFacts } from './webhook-facts';

function HttpFacts({ integration }: { integration: HttpIntegration }) {
  return (
    <>
      <dt>Request</dt>
      <dd>
        <code>
          {integration.method} {integration.url}
        </code>
      </dd>
      <dt>Auth</dt>
      <dd>{integration.auth.type}</dd>
      {integration.clientCertificate ? (
        <>
          <dt>Client certificate</dt>
          <dd>presented (mutual TLS)</dd>
        </>
      ) : null}
      {integration.signing ? (
        <>
          <dt>Signed as</dt>
          <dd>{SCHEME_INFO[integration.signing.scheme].label} webhook</dd>
        </>
      ) : null}
      <dt>Schedule</dt>
      <dd>
        every {formatSeconds(integration.intervalSeconds)}, timeout {formatMs(integration.timeoutMs)}
        {integration.paused ? ' · paused' : ''}
      </dd>
      <dt>Response schema</dt>
      <dd>{integration.responseSchema ? 'checked on every probe' : 'none'}</dd>
    </>
  );
}

/** How the integration is checked, from its definition alone: shown with the head, before any result. */
export function ConfigurationPanel({ integration }: { integration: Integration }) {
  return (
    <section className="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Configuration</h2>
      <dl className="facts">
        {integration.kind === 'webhook' ? (
          <WebhookFacts webhook={integration.webhook} paused={integration.paused} />
        ) : (
          <HttpFacts integration={integration} />
        )}
        {integration.tags.length ? (
          <>
            <dt>Tags</dt>
            <dd>
              {integration.tags.map((tag) => (
                <span key={tag} className="chip">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
