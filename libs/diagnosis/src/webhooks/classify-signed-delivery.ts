import { down, type Finding } from '../finding';
import { formatMs } from '../humanize';
import type { Observation } from '../observation';
import type { WebhookScheme } from './webhook-findings';

const TIMEOUT_CODES = new Set(['DEADLINE', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * A probe that signed its request as a webhook provider would: the team's own webhook endpoint is under test,
 * so a refusal, a missing route or a slow answer mean what they would mean to a real delivery.
 */
export function classifySignedDelivery(observation: Observation, scheme: WebhookScheme): Finding | null {
  const { failure, response } = observation;
  if (failure && TIMEOUT_CODES.has(failure.code)) {
    const after = observation.timeoutMs ? ` within ${formatMs(observation.timeoutMs)}` : '';
    return down(
      'network_timeout',
      `your webhook handler did not answer${after}: providers give up after a few seconds (GitHub 10 s, Stripe and Shopify within seconds) and retry, then disable the endpoint`,
      [
        'Answer 2xx as soon as the signature is checked and do the work afterwards (a queue or a background job).',
      ],
    );
  }
  if (!response) return null;
  if (response.status === 401 || response.status === 403) {
    return down(
      'misconfigured_webhook',
      `your endpoint rejected a correctly signed delivery (${response.status}): its secret or verification differs from what the provider uses (${scheme} scheme)`,
      [
        "Compare the endpoint's signing secret with the one configured here; after a rotation both sides must change.",
        'Check that the endpoint verifies the raw body bytes (before any JSON parsing) and the header names of this scheme.',
      ],
    );
  }
  if (response.status === 404 || response.status === 405) {
    return down(
      'misconfigured_webhook',
      `no webhook handler at ${pathOf(observation.url)} (${response.status}): the endpoint URL given to the provider is wrong, or the route was moved or removed`,
      [
        "Compare the path with the consumer's routes (and the method: deliveries are POSTs).",
        "Update the URL in the provider's webhook settings if the route moved.",
      ],
    );
  }
  return null;
}
