import { Logger } from '@nestjs/common';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rawWebhookBody } from './raw-body.middleware';
import { webhookReceiverHandler } from './webhook-receiver.handler';
import type { IncomingDelivery, WebhookReceiverService } from './webhook-receiver.service';

describe(webhookReceiverHandler.name, () => {
  let server: Server;
  let base: string;
  const received: IncomingDelivery[] = [];
  let failing = false;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const receiver = {
      receive: async (delivery: IncomingDelivery) => {
        if (failing) throw new Error('connection refused');
        received.push(delivery);
        return { status: 202, body: { accepted: true } };
      },
    } as unknown as WebhookReceiverService;
    const app = express();
    app.use('/api/webhooks', rawWebhookBody(64), webhookReceiverHandler(receiver));
    app.use((_req, res) => void res.status(418).end('fell through'));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (path: string, body = '{"a":1}') => fetch(base + path, { method: 'POST', body });

  it('hands the raw bytes, the headers and the query to the receiver and answers its JSON', async () => {
    const res = await post('/api/webhooks/abc%2Ddef?source=x');
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true });
    expect(received.at(-1)).toMatchObject({ integrationId: 'abc-def', query: '?source=x' });
    expect(received.at(-1)!.body.bytes.toString()).toBe('{"a":1}');
  });

  it('answers a malformed id 404 and a body over the cap with what the receiver says, never an error page', async () => {
    const malformed = await post('/api/webhooks/%E0%A4%A');
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    await post('/api/webhooks/big', 'x'.repeat(65));
    expect(received.at(-1)!.body.tooLarge).toEqual({ bytes: 65, limitBytes: 64 });
  });

  it('tells the provider to retry (503, Retry-After) when the integration cannot be read', async () => {
    failing = true;
    const res = await post('/api/webhooks/abc');
    failing = false;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toMatchObject({ accepted: false });
  });

  it('leaves other methods and paths to the router after it', async () => {
    expect((await fetch(`${base}/api/webhooks/abc`)).status).toBe(418);
    expect((await post('/api/webhooks/abc/more')).status).toBe(418);
  });
});
