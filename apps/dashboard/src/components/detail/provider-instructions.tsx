import type { WebhookIntegration } from '@ihm/contracts';
import { SCHEME_INFO } from '../../lib/webhook-schemes';
import { ReceiverUrl } from './receiver-url';

/** Where to send deliveries, and the provider's own steps for the chosen scheme, ready to follow. */
export function ProviderInstructions({ integration }: { integration: WebhookIntegration }) {
  const info = SCHEME_INFO[integration.webhook.scheme];
  return (
    <section className="panel" aria-labelledby="receiver-heading">
      <h2 id="receiver-heading">Connect {info.label}</h2>
      <ReceiverUrl url={integration.receiverUrl} />
      <ol className="provider-steps">
        {info.steps(integration.receiverUrl).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="muted">{info.hint}</p>
    </section>
  );
}
