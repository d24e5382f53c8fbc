import { SIGNING_SCHEMES, type HmacSignature, type SigningScheme } from '@ihm/contracts';
import { deliveryUrlOf, signRequest } from '@ihm/webhooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './respond';
import type { SandboxRoute } from './routes';

export const PROVIDER_PATH = '/provider/subscriptions';
/** What a delivery can be: signed as it should, its body changed after signing, or signed an hour ago. */
export const DELIVERY_KINDS = ['good', 'tampered', 'stale'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
const STALE_BY_SECONDS = 3600;
const MIN_EVERY_SECONDS = 1;
const MAX_SUBSCRIPTIONS = 100;

/** A receiver the sandbox delivers to, playing a webhook provider: the kinds in `plan` in turn, every `everySeconds`. */
export interface Subscription {
  url: string;
  scheme: SigningScheme;
  secret: string;
  hmac: HmacSignature | null;
  plan: DeliveryKind[];
  everySeconds: number;
}

interface Running extends Subscription {
  timer: NodeJS.Timeout;
  sent: number;
  last: { kind: DeliveryKind; at: string; status: number | null; error: string | null } | null;
}

function parseSubscription(value: unknown): Subscription | string {
  const body = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof body.url !== 'string' || !URL.canParse(body.url)) return 'url must be an absolute URL';
  if (!SIGNING_SCHEMES.includes(body.scheme as never))
    return `scheme must be one of: ${SIGNING_SCHEMES.join(', ')}`;
  if (typeof body.secret !== 'string' || body.secret === '') return 'secret is required';
  const plan = Array.isArray(body.plan) ? body.plan : ['good'];
  if (plan.length === 0 || !plan.every((kind) => DELIVERY_KINDS.includes(kind as never)))
    return `plan must list ${DELIVERY_KINDS.join(', ')}`;
  const everySeconds = Number(body.everySeconds ?? 30);
  if (!Number.isFinite(everySeconds) || everySeconds < MIN_EVERY_SECONDS)
    return 'everySeconds must be at least 1';
  return {
    url: body.url,
    scheme: body.scheme as SigningScheme,
    secret: body.secret,
    hmac: (body.hmac as HmacSignature | undefined) ?? null,
    plan: plan as DeliveryKind[],
    everySeconds,
  };
}

/** One delivery of `kind`: a fresh event, signed by the scheme as its provider signs (or not quite). */
export function composeDelivery(subscription: Subscription, kind: DeliveryKind, now = new Date()) {
  const id = `evt_${randomUUID().replace(/-/g, '')}`;
  const event = { id, type: 'sandbox.event', created: Math.floor(now.getTime() / 1000), data: { kind } };
  const signedAt = kind === 'stale' ? new Date(now.getTime() - STALE_BY_SECONDS * 1000) : now;
  const body = JSON.stringify(event);
  const request = { body, url: subscription.url, contentType: 'application/json' };
  const url = deliveryUrlOf(subscription.scheme, request);
  const headers = signRequest(subscription, { ...request, url }, signedAt, id);
  return {
    url,
    body: kind === 'tampered' ? body.replace('"sandbox.event"', '"sandbox.event.changed"') : body,
    headers: { 'content-type': 'application/json', ...headers },
  };
}

/**
 * The sandbox as a webhook provider: `POST /provider/subscriptions` makes it deliver to a receiver on a schedule
 * (the same URL again replaces the subscription), `GET` lists them with the last delivery's answer. Demo mode
 * subscribes a healthy and a misconfigured webhook integration of the monitor this way.
 */
export class WebhookProvider {
  private readonly subscriptions = new Map<string, Running>();

  get routes(): SandboxRoute[] {
    return [
      {
        method: 'POST',
        path: PROVIDER_PATH,
        description: 'Plays a webhook provider: delivers signed, tampered or stale deliveries to a receiver',
        handle: (req, res) => void this.subscribe(req, res),
      },
      {
        method: 'GET',
        path: PROVIDER_PATH,
        description: 'The provider subscriptions and their last deliveries',
        handle: (_req, res) => sendJson(res, 200, [...this.subscriptions.values()].map(view)),
      },
    ];
  }

  stop(): void {
    for (const running of this.subscriptions.values()) clearInterval(running.timer);
    this.subscriptions.clear();
  }

  private async subscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, 64 * 1024);
    let parsed: Subscription | string;
    try {
      parsed = raw ? parseSubscription(JSON.parse(raw.toString('utf8'))) : 'the body is over 64 KiB';
    } catch {
      parsed = 'the body must be JSON';
    }
    if (typeof parsed === 'string') {
      sendJson(res, 400, { error: 'invalid_subscription', message: parsed });
      return;
    }
    const existing = this.subscriptions.get(parsed.url);
    if (existing) clearInterval(existing.timer);
    else if (this.subscriptions.size >= MAX_SUBSCRIPTIONS) {
      sendJson(res, 429, { error: 'too_many_subscriptions', message: `at most ${MAX_SUBSCRIPTIONS}` });
      return;
    }
    const running: Running = {
      ...parsed,
      sent: 0,
      last: null,
      timer: setInterval(() => void this.deliver(running), parsed.everySeconds * 1000),
    };
    running.timer.unref();
    this.subscriptions.set(parsed.url, running);
    void this.deliver(running);
    sendJson(res, existing ? 200 : 201, view(running));
  }

  private async deliver(running: Running): Promise<void> {
    const kind = running.plan[running.sent % running.plan.length]!;
    running.sent += 1;
    const at = new Date().toISOString();
    const { url, body, headers } = composeDelivery(running, kind);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      running.last = { kind, at, status: response.status, error: null };
    } catch (error) {
      running.last = {
        kind,
        at,
        status: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

function view({ url, scheme, plan, everySeconds, sent, last }: Running) {
  return { url, scheme, plan, everySeconds, sent, last };
}
