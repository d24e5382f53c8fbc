import type { WebhookScheme } from '@ihm/contracts';

// One row per signing scheme: how the form names it, which header it signs, and the steps that connect the
// provider to this receiver. Data, not components: the form and the detail page both read it.

export interface SchemeInfo {
  label: string;
  /** What the scheme signs and where, for the form's hint. */
  hint: string;
  /** Where the secret comes from, for the secret input's hint. */
  secretHint: string;
  /** The provider's own steps, with the receiver URL in place. */
  steps(receiverUrl: string): string[];
}

export const SCHEME_INFO: Readonly<Record<WebhookScheme, SchemeInfo>> = {
  github: {
    label: 'GitHub',
    hint: 'X-Hub-Signature-256: sha256=HMAC of the body; X-GitHub-Delivery names the delivery.',
    secretHint: 'Any long random string; enter the same one in GitHub.',
    steps: (url) => [
      'In the repository or organisation: Settings → Webhooks → Add webhook.',
      `Payload URL: ${url}`,
      'Content type: application/json.',
      'Secret: the secret you entered here.',
      'Choose the events, keep "Active" checked, then Add webhook. GitHub sends a ping at once.',
    ],
  },
  stripe: {
    label: 'Stripe',
    hint: 'Stripe-Signature: t=timestamp,v1=HMAC of "timestamp.body".',
    secretHint: 'The endpoint’s signing secret from Stripe (whsec_…).',
    steps: (url) => [
      'In the Stripe dashboard: Developers → Webhooks → Add endpoint.',
      `Endpoint URL: ${url}`,
      'Select the events to send, then Add endpoint.',
      'Reveal the endpoint’s signing secret (whsec_…) and paste it here as the secret.',
    ],
  },
  slack: {
    label: 'Slack',
    hint: 'X-Slack-Signature: v0=HMAC of "v0:timestamp:body", with X-Slack-Request-Timestamp.',
    secretHint: 'The app’s Signing Secret (Basic Information → App Credentials).',
    steps: (url) => [
      'At api.slack.com/apps, open the app: Event Subscriptions (or Interactivity) → Enable.',
      `Request URL: ${url}`,
      'From Basic Information → App Credentials, copy the Signing Secret and paste it here.',
    ],
  },
  shopify: {
    label: 'Shopify',
    hint: 'X-Shopify-Hmac-Sha256: base64 HMAC of the body.',
    secretHint: 'The app’s client secret, or the secret shown under Settings → Notifications → Webhooks.',
    steps: (url) => [
      'In the Shopify admin: Settings → Notifications → Webhooks → Create webhook (or the app’s webhook subscriptions).',
      `URL: ${url}`,
      'Format: JSON.',
      'Paste the signing secret Shopify shows for its webhooks (or the app’s client secret) here.',
    ],
  },
  twilio: {
    label: 'Twilio',
    hint: 'X-Twilio-Signature: base64 HMAC-SHA1 of the URL and the form parameters.',
    secretHint: 'The account’s Auth Token (Console → Account info).',
    steps: (url) => [
      'In the Twilio Console, open the phone number or service: set "A message comes in" (or the status callback) to Webhook.',
      `URL: ${url} (HTTP POST)`,
      'Paste the account’s Auth Token here as the secret: Twilio signs with it.',
    ],
  },
  standard: {
    label: 'Standard Webhooks',
    hint: 'webhook-signature: v1,base64 HMAC of "id.timestamp.body", with webhook-id and webhook-timestamp.',
    secretHint: 'The endpoint’s secret, base64, usually starting whsec_.',
    steps: (url) => [
      'In the sender’s webhook settings (Svix, Resend, Clerk, …): add an endpoint.',
      `Endpoint URL: ${url}`,
      'Copy the endpoint’s signing secret (whsec_…) and paste it here.',
    ],
  },
  hmac: {
    label: 'Generic HMAC-SHA256',
    hint: 'An HMAC-SHA256 of the raw body, in the header you name, hex or base64, after an optional prefix.',
    secretHint: 'The shared secret the sender signs with.',
    steps: (url) => [
      `In the sender’s webhook settings, set the URL to ${url} (POST).`,
      'Enter the same shared secret there and here.',
      'Check that the header name, encoding and prefix here match what the sender documents.',
    ],
  },
  none: {
    label: 'None (unsigned)',
    hint: 'Deliveries are not verified: anyone who knows the URL can post to it.',
    secretHint: '',
    steps: (url) => [
      `In the sender’s webhook settings, set the URL to ${url} (POST).`,
      'Deliveries are accepted without a signature: keep the URL private.',
    ],
  },
};
