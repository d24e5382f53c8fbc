import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  at: Date;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  body: string;
  /** The body as JSON; undefined when it is not JSON. */
  json: unknown;
  /** With a secret: whether `standardwebhooks` accepted the signature; null without one. */
  verified: boolean | null;
  verifyError: string | null;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Read the request, then never answer: the sender's deadline has to end the attempt. */
  hang?: boolean;
}

export interface WebhookReceiverOptions {
  /** `whsec_…`: every delivery is verified with `standardwebhooks` (not our signer); a bad one is answered 401. */
  secret?: string;
  /** 0 (the default) takes a free port; a fixed port lets a test bring a stopped receiver back. */
  port?: number;
  /** The answer when nothing is scripted. */
  reply?: ScriptedReply;
}

const DEFAULT_REPLY: ScriptedReply = { status: 200, body: 'ok' };

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}

/**
 * A local HTTP receiver on 127.0.0.1 that records every request and answers as scripted: what a channel's
 * receiver would be, for tests of the senders and of delivery end to end.
 */
export class WebhookReceiver {
  readonly deliveries: ReceivedDelivery[] = [];
  private readonly script: ScriptedReply[] = [];
  private readonly waiters: (() => void)[] = [];

  private listeningOn = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: WebhookReceiverOptions,
  ) {}

  static async start(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, options);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const reply = receiver.record(
          request.method ?? '',
          request.url ?? '',
          request.headers,
          Buffer.concat(chunks),
        );
        if (reply.hang) return;
        response.writeHead(reply.status ?? 200, reply.headers).end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    receiver.listeningOn = (server.address() as AddressInfo).port;
    return receiver;
  }

  /** Still known after `close`: a test can point a sender at a receiver that is down. */
  get port(): number {
    return this.listeningOn;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next requests get these answers, in order; the default answer after them. */
  respondWith(...replies: ScriptedReply[]): void {
    this.script.push(...replies);
  }

  /** Resolves once `count` deliveries have arrived. */
  async waitForDeliveries(count: number, timeoutMs = 5000): Promise<ReceivedDelivery[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.deliveries.length < count) {
      if (Date.now() > deadline) throw new Error(`${this.deliveries.length} of ${count} deliveries arrived`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
      });
    }
    return this.deliveries.slice(0, count);
  }

  /** Stops listening and drops open connections, hanging ones included. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private record(method: string, path: string, headers: IncomingHttpHeaders, raw: Buffer): ScriptedReply {
    const body = raw.toString('utf8');
    const { verified, verifyError } = this.verify(body, headers);
    this.deliveries.push({
      at: new Date(),
      method,
      path,
      headers,
      body,
      json: parseJson(body),
      verified,
      verifyError,
    });
    this.waiters.splice(0).forEach((wake) => wake());
    const scripted = this.script.shift();
    if (scripted) return scripted;
    if (verified === false) return { status: 401, body: verifyError ?? '' };
    return this.options.reply ?? DEFAULT_REPLY;
  }

  private verify(
    body: string,
    headers: IncomingHttpHeaders,
  ): Pick<ReceivedDelivery, 'verified' | 'verifyError'> {
    if (!this.options.secret) return { verified: null, verifyError: null };
    try {
      new Webhook(this.options.secret).verify(body, flatHeaders(headers));
      return { verified: true, verifyError: null };
    } catch (error) {
      return { verified: false, verifyError: error instanceof Error ? error.message : String(error) };
    }
  }
}
