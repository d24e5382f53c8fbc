import { down, degraded, type Finding } from '../finding';
import { formatDuration, formatInstant, quote } from '../humanize';
import type { SchemaIssue } from '../observation';

/** How a provider signs its deliveries: the schemes a receiver verifies and a signed probe uses. */
export const WEBHOOK_SCHEMES = [
  'standard',
  'github',
  'stripe',
  'slack',
  'shopify',
  'twilio',
  'hmac',
  'none',
] as const;
export type WebhookScheme = (typeof WEBHOOK_SCHEMES)[number];

const PROVIDER: Readonly<Record<WebhookScheme, string>> = {
  standard: 'the provider',
  github: 'GitHub',
  stripe: 'Stripe',
  slack: 'Slack',
  shopify: 'Shopify',
  twilio: 'Twilio',
  hmac: 'the sender',
  none: 'the sender',
};

/** What the receiver found wrong with one delivery (or that nothing was). */
export type DeliveryFacts =
  | { verdict: 'accepted'; scheme: WebhookScheme }
  | { verdict: 'missing_signature' | 'bad_signature'; scheme: WebhookScheme; header: string }
  | {
      verdict: 'stale_timestamp';
      scheme: WebhookScheme;
      header: string;
      skewSeconds: number;
      toleranceSeconds: number;
    }
  | { verdict: 'duplicate'; scheme: WebhookScheme; deliveryId: string; firstSeenAt: Date }
  | { verdict: 'invalid_payload'; scheme: WebhookScheme; issues: readonly SchemaIssue[] }
  | { verdict: 'unreadable'; scheme: WebhookScheme; problem: string }
  | { verdict: 'wrong_content_type'; scheme: WebhookScheme; contentType: string | null }
  | { verdict: 'too_large'; scheme: WebhookScheme; bytes: number; limitBytes: number };
export type DeliveryVerdict = DeliveryFacts['verdict'];

const SECRET_STEP = (provider: string) =>
  `Copy the signing secret from ${provider}'s webhook settings into this integration again: a rotated or regenerated secret is the usual cause.`;
const BODY_STEP =
  'Make sure nothing between the provider and this receiver re-encodes the body: a proxy or framework that parses and re-serialises JSON, or changes line endings or character sets, breaks every signature.';

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 1_048_576 ? 2 : 1)} MiB`;

function describeIssues(issues: readonly SchemaIssue[]): string {
  const [first, ...rest] = issues;
  if (!first) return 'the payload breaks its schema';
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  return `payload breaks its schema: ${first.path || '(root)'} ${first.message}${more}`;
}

/** The verdict on one delivery, in the guide's terms: an accepted one keeps the integration up. */
export function deliveryFinding(facts: DeliveryFacts): Finding {
  const provider = PROVIDER[facts.scheme];
  switch (facts.verdict) {
    case 'accepted':
      return { status: 'up', category: null, message: 'delivery accepted', steps: [] };
    case 'missing_signature':
      return down(
        'misconfigured_webhook',
        `no ${facts.header} header: ${provider} is not signing its deliveries (set a secret in its webhook settings), or this request did not come from it`,
        [
          `Open ${provider}'s webhook settings and check that a signing secret is set for this endpoint.`,
          'If the request came from somewhere else (a test, a scanner), ignore it: unsigned deliveries are refused with 401.',
        ],
      );
    case 'bad_signature':
      return down(
        'misconfigured_webhook',
        `signature does not match: the secret configured here differs from ${provider}'s, or a proxy rewrote the body (${facts.header})`,
        [SECRET_STEP(provider), BODY_STEP],
      );
    case 'stale_timestamp': {
      const age = formatDuration(facts.skewSeconds);
      const when = facts.skewSeconds >= 0 ? `${age} old` : `${age} in the future`;
      return down(
        'misconfigured_webhook',
        `timestamp is ${when}, beyond the ${formatDuration(facts.toleranceSeconds)} tolerance: a replayed delivery, or a clock off by ${facts.skewSeconds} s (${facts.header})`,
        [
          "Check the clocks: the monitor's host and the sender's should both follow NTP.",
          'If the clocks agree, this delivery was recorded and sent again later: treat it as a replay and find who sent it.',
        ],
      );
    }
    case 'duplicate':
      return degraded(
        'misconfigured_webhook',
        `delivery id ${quote(facts.deliveryId, 80)} was already received at ${formatInstant(facts.firstSeenAt)}: ${provider} is retrying (an earlier answer was not 2xx, or came too late) or the delivery was replayed`,
        [
          `Check ${provider}'s delivery log for failed attempts of this delivery and the answers they got.`,
          "Make the team's handler idempotent by delivery id, so that a retry does no harm.",
        ],
      );
    case 'invalid_payload':
      return down('misconfigured_webhook', describeIssues(facts.issues), [
        `Compare the payload with the schema configured here: ${provider} may have changed its event format or API version, or a different event type is subscribed.`,
        ...facts.issues.slice(0, 3).map((issue) => `Check ${issue.path || 'the payload'}: ${issue.message}.`),
      ]);
    case 'unreadable':
      return down('misconfigured_webhook', `payload is not readable JSON: ${quote(facts.problem, 120)}`, [
        `Check the content type ${provider} sends: the receiver expects a JSON body.`,
      ]);
    case 'wrong_content_type':
      return down(
        'misconfigured_webhook',
        `content type is ${facts.contentType ?? 'missing'}, expected application/json: set ${provider}'s webhook content type to JSON`,
        [
          `In ${provider}'s webhook settings, choose the JSON content type (application/json) for this endpoint.`,
        ],
      );
    case 'too_large':
      return down(
        'misconfigured_webhook',
        `delivery of ${mib(facts.bytes)} exceeds the receiver's ${mib(facts.limitBytes)} limit`,
        [
          'Subscribe to fewer or smaller events, or raise WEBHOOK_MAX_BODY_BYTES if such payloads are expected.',
        ],
      );
  }
}

/** A webhook integration that heard nothing for longer than its window. */
export interface SilenceFacts {
  /** Silence counted in the window's active hours (all hours without them). */
  silentSeconds: number;
  maxSilenceSeconds: number;
  /** The last accepted delivery; null when none was ever accepted. */
  lastDeliveryAt: Date | null;
  /** Whether only working hours count. */
  workingHoursOnly: boolean;
}

export function silenceFinding(facts: SilenceFacts): Finding {
  const hours = facts.workingHoursOnly ? ' of working hours' : '';
  const expected = `expected every ${formatDuration(facts.maxSilenceSeconds)}${hours}`;
  const last = facts.lastDeliveryAt
    ? `last one at ${formatInstant(facts.lastDeliveryAt)}`
    : 'none received since it was created';
  return down(
    'misconfigured_webhook',
    `no delivery for ${formatDuration(facts.silentSeconds)}${hours}, ${expected}; ${last}`,
    [
      "Check the provider's webhook settings: the endpoint URL must be this integration's receiver URL, and the events must still be subscribed and enabled.",
      "Look in the provider's delivery log for failed attempts: a URL that moved, a TLS or DNS problem, or answers other than 2xx make providers retry and then disable the endpoint.",
      'If the events are rare, widen the window (maxSilenceSeconds) or limit it to working hours.',
    ],
  );
}
