import {
  checkJsonSchema,
  isCredentialName,
  MASKED_SECRET,
  type DeliveryEvidence,
  type WebhookReceiver,
} from '@ihm/contracts';
import { deliveryFinding, toVerdict, type DeliveryFacts, type SchemaIssue } from '@ihm/diagnosis';
import { signatureHeaderNames, verifySignature, type InboundRequest } from '@ihm/webhooks';
import type { CheckResult } from '../pipeline/check-result';
import type { RecentDeliveryIds } from './recent-delivery-ids';
import { webhookResult } from './webhook-result';

/** The bytes of a body kept with a delivery: enough to see what arrived, small at thousands per second. */
export const EXCERPT_BYTES = 1024;
/** Providers that send JSON only: another content type means the endpoint was set up for form posts. */
const JSON_ONLY = new Set(['standard', 'github', 'stripe', 'shopify']);

export interface Delivery {
  request: InboundRequest;
  receivedAt: Date;
  /** Set when the body went over the cap: it was not read. */
  tooLarge: { bytes: number; limitBytes: number } | null;
}

/** The receiver's answer and the result it records. */
export interface Judgement {
  httpStatus: 202 | 200 | 400 | 401 | 413;
  result: CheckResult;
  /** `accepted` keeps the silence window open. */
  verdict: DeliveryFacts['verdict'];
}

const isJson = (contentType: string | null) =>
  contentType !== null && /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim());

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

/** The checks after the signature: content type, JSON, the payload schema, then duplicates. */
function payloadFacts(
  receiver: WebhookReceiver,
  delivery: Delivery,
  deliveryId: string | null,
  seen: RecentDeliveryIds,
  integrationId: string,
): DeliveryFacts {
  const { scheme } = receiver;
  const contentType = delivery.request.headers['content-type'] ?? null;
  const wantsJson = receiver.payloadSchema !== null || JSON_ONLY.has(scheme);
  if (wantsJson && !isJson(contentType)) return { verdict: 'wrong_content_type', scheme, contentType };
  if (receiver.payloadSchema) {
    const parsed = parseJson(delivery.request.body);
    if (!parsed.ok) return { verdict: 'unreadable', scheme, problem: parsed.problem };
    const issues = checkJsonSchema(receiver.payloadSchema, parsed.value);
    if (issues.length > 0) return { verdict: 'invalid_payload', scheme, issues };
  }
  if (deliveryId) {
    const firstSeenAt = seen.remember(integrationId, deliveryId, delivery.receivedAt);
    if (firstSeenAt) return { verdict: 'duplicate', scheme, deliveryId, firstSeenAt };
  }
  return { verdict: 'accepted', scheme };
}

function factsOf(
  receiver: WebhookReceiver,
  delivery: Delivery,
  seen: RecentDeliveryIds,
  integrationId: string,
): { facts: DeliveryFacts; deliveryId: string | null; signedAt: Date | null } {
  const { scheme } = receiver;
  if (delivery.tooLarge)
    return {
      facts: { verdict: 'too_large', scheme, ...delivery.tooLarge },
      deliveryId: null,
      signedAt: null,
    };
  const check = verifySignature(
    { scheme, secret: receiver.secret, hmac: receiver.hmac, toleranceSeconds: receiver.toleranceSeconds },
    delivery.request,
    delivery.receivedAt,
  );
  if (!check.ok) {
    const facts: DeliveryFacts =
      check.failure === 'stale_timestamp'
        ? {
            verdict: 'stale_timestamp',
            scheme,
            header: check.header,
            skewSeconds: check.skewSeconds ?? 0,
            toleranceSeconds: receiver.toleranceSeconds,
          }
        : { verdict: check.failure, scheme, header: check.header };
    return { facts, deliveryId: check.deliveryId, signedAt: check.signedAt };
  }
  return {
    facts: payloadFacts(receiver, delivery, check.deliveryId, seen, integrationId),
    deliveryId: check.deliveryId,
    signedAt: check.signedAt,
  };
}

const STATUS: Readonly<Record<DeliveryFacts['verdict'], Judgement['httpStatus']>> = {
  accepted: 202,
  // A provider retrying a delivery it already made is answered 2xx, so that it stops.
  duplicate: 200,
  missing_signature: 401,
  bad_signature: 401,
  stale_timestamp: 401,
  invalid_payload: 400,
  unreadable: 400,
  wrong_content_type: 400,
  too_large: 413,
};

/** Request headers as stored: signatures and anything credential-like replaced. */
function storedHeaders(
  receiver: WebhookReceiver,
  headers: InboundRequest['headers'],
): Record<string, string> {
  const signatures = new Set(signatureHeaderNames(receiver.scheme, receiver.hmac));
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    kept[name] = signatures.has(name) || isCredentialName(name) ? MASKED_SECRET : value;
  }
  return kept;
}

/** The receiver's verdict on one delivery, as the result the pipeline records. */
export function judgeDelivery(
  integrationId: string,
  receiver: WebhookReceiver,
  delivery: Delivery,
  seen: RecentDeliveryIds,
): Judgement {
  const { facts, deliveryId, signedAt } = factsOf(receiver, delivery, seen, integrationId);
  const verdict = toVerdict(deliveryFinding(facts));
  const body = delivery.request.body;
  const evidence: DeliveryEvidence = {
    verdict: facts.verdict,
    deliveryId,
    contentType: delivery.request.headers['content-type'] ?? null,
    bytes: delivery.tooLarge?.bytes ?? body.length,
    headers: storedHeaders(receiver, delivery.request.headers),
    excerpt: body.subarray(0, EXCERPT_BYTES).toString('utf8'),
    truncated: body.length > EXCERPT_BYTES,
    signedAt: signedAt?.toISOString() ?? null,
  };
  const schemaErrors: SchemaIssue[] = facts.verdict === 'invalid_payload' ? [...facts.issues] : [];
  const httpStatus = STATUS[facts.verdict];
  return {
    httpStatus,
    verdict: facts.verdict,
    result: webhookResult(delivery.receivedAt, verdict, {
      httpStatus,
      schemaErrors,
      evidence: { responseHeaders: {}, bodyExcerpt: null, delivery: evidence },
    }),
  };
}
