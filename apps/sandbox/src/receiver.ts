import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { escapeHtml, readBody, sendHtml, sendJson } from './respond';
import type { SandboxRoute } from './routes';

/**
 * What the receiver verifies with when SANDBOX_RECEIVER_SECRET is unset; the monitor's demo channel signs with
 * the same default. Public on purpose: it protects nothing but the demo.
 */
export const DEMO_RECEIVER_SECRET = 'whsec_zyB+2QvVHFW6tuZEmDZX6kNY1BdZ0JyceEgT5FDAgQw=';
export const RECEIVER_PATH = '/receiver/webhook';

const KEPT_DELIVERIES = 200;
const MAX_BODY_BYTES = 1024 * 1024;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

/** One delivery as the receiver saw it; what it shows of the body is the monitor's notification body. */
export interface ReceivedDelivery {
  /** `webhook-id`; null when the header was missing. */
  id: string | null;
  receivedAt: string;
  verified: boolean;
  /** Why the signature was refused; null when verified. */
  error: string | null;
  /** Deliveries of this id: a retry of a verified id is acknowledged and counted here, not listed again. */
  attempts: number;
  type: string | null;
  category: string | null;
  message: string | null;
  integrations: { name: string | null; category: string | null; message: string | null }[];
}

type BodySummary = Pick<ReceivedDelivery, 'type' | 'category' | 'message' | 'integrations'>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const fields = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The parts of a notification body (DESIGN.md "Notification bodies") worth listing; null where absent. */
function summarize(body: string): BodySummary {
  const json = fields(parseJson(body));
  const alert = fields(json.alert);
  const integrations = Array.isArray(json.integrations) ? json.integrations.map(fields) : [];
  return {
    type: text(json.type),
    category: text(alert.category),
    message: text(alert.message),
    integrations: integrations.map((entry) => ({
      name: text(entry.name),
      category: text(entry.category),
      message: text(entry.message),
    })),
  };
}

const header = (req: IncomingMessage, name: string): string => text(req.headers[name]) ?? '';

/**
 * A webhook receiver as a team would run one: verifies Standard Webhooks signatures (with the `standardwebhooks`
 * package, not the monitor's signer), answers 204 or 401, and keeps the last deliveries for `GET` to list.
 */
export class WebhookReceiver {
  readonly routes: readonly SandboxRoute[] = [
    {
      method: 'POST',
      path: RECEIVER_PATH,
      description: 'Webhook receiver: verifies Standard Webhooks signatures, 204 or 401',
      handle: (req, res) => void this.receive(req, res).catch(() => res.destroy()),
    },
    {
      method: 'GET',
      path: RECEIVER_PATH,
      description: 'What the webhook receiver received, newest first (JSON, or HTML for a browser)',
      handle: (req, res) => this.list(req, res),
    },
  ];

  private readonly webhook: Webhook;
  /** Newest first. */
  private readonly deliveries: ReceivedDelivery[] = [];

  constructor(secret: string) {
    if (!WEBHOOK_SECRET.test(secret))
      throw new Error('the receiver secret must be whsec_ followed by base64 of 24 to 64 bytes');
    this.webhook = new Webhook(secret);
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === null) {
      sendJson(res, 413, { error: 'payload_too_large', message: `Bodies up to ${MAX_BODY_BYTES} bytes` });
      return;
    }
    const error = this.verify(raw, req);
    this.record(header(req, 'webhook-id'), error, raw);
    if (error === null) res.writeHead(204).end();
    else sendJson(res, 401, { error: 'invalid_signature', message: error });
  }

  /** The library's reason when the signature is refused, null when it holds. */
  private verify(raw: Buffer, req: IncomingMessage): string | null {
    try {
      this.webhook.verify(
        raw,
        {
          'webhook-id': header(req, 'webhook-id'),
          'webhook-timestamp': header(req, 'webhook-timestamp'),
          'webhook-signature': header(req, 'webhook-signature'),
        },
        { jsonParse: false },
      );
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Keeps the delivery, newest first; a retry of a verified id only counts as another attempt of it. */
  private record(id: string, error: string | null, raw: Buffer): void {
    const retry = error === null && this.deliveries.find((d) => d.verified && d.id === id);
    if (retry) {
      retry.attempts += 1;
      return;
    }
    this.deliveries.unshift({
      id: id || null,
      receivedAt: new Date().toISOString(),
      verified: error === null,
      error,
      attempts: 1,
      ...summarize(raw.toString('utf8')),
    });
    this.deliveries.length = Math.min(this.deliveries.length, KEPT_DELIVERIES);
  }

  private list(req: IncomingMessage, res: ServerResponse): void {
    if ((req.headers.accept ?? '').includes('text/html')) sendHtml(res, 200, renderPage(this.deliveries));
    else sendJson(res, 200, this.deliveries);
  }
}

function renderRow(delivery: ReceivedDelivery): string {
  const cell = (value: string | null) => `<td>${escapeHtml(value ?? '')}</td>`;
  const integrations = delivery.integrations
    .map((entry) => `<li>${escapeHtml(entry.name ?? '')}: ${escapeHtml(entry.message ?? '')}</li>`)
    .join('');
  return [
    '<tr>',
    cell(delivery.receivedAt),
    cell(delivery.verified ? 'yes' : `no: ${delivery.error ?? ''}`),
    cell(delivery.type),
    cell(delivery.category),
    cell(delivery.message),
    `<td><ul>${integrations}</ul></td>`,
    cell(String(delivery.attempts)),
    cell(delivery.id),
    '</tr>',
  ].join('');
}

function renderPage(deliveries: readonly ReceivedDelivery[]): string {
  const rows = deliveries.map(renderRow).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>Sandbox webhook receiver</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
ul { margin: 0; padding-left: 1rem; }
</style>
</head>
<body>
<h1>Sandbox webhook receiver</h1>
<p>Deliveries to <code>POST ${RECEIVER_PATH}</code>, verified as Standard Webhooks with the sandbox's secret
(<code>SANDBOX_RECEIVER_SECRET</code>). Newest first, the last ${KEPT_DELIVERIES} kept; this page refreshes every 5 s.</p>
${
  deliveries.length === 0
    ? '<p>Nothing received yet.</p>'
    : `<table>
<thead><tr><th>Received</th><th>Verified</th><th>Type</th><th>Category</th><th>Message</th><th>Integrations</th><th>Attempts</th><th>webhook-id</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
</body>
</html>
`;
}
