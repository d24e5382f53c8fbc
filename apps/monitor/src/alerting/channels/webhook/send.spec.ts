import { outboundPolicy } from '@ihm/probe';
import { Webhook } from 'standardwebhooks';
import { channelMessage } from '../../../../test/receivers/channel-message.fixture';
import { WebhookReceiver, type ScriptedReply } from '../../../../test/receivers/webhook-receiver';
import type { DeliveryOutcome } from '../delivery-outcome';
import { webhookPayload } from './payload';
import { sendWebhook } from './send';
import { generateWebhookSecret } from './sign';

/** The test receivers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

const secret = generateWebhookSecret();
const message = channelMessage();

describe(sendWebhook.name, () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start({ secret });
  });
  afterEach(() => receiver.close());

  const send = (options?: Parameters<typeof sendWebhook>[2]) =>
    sendWebhook({ url: receiver.url(), secret }, message, { outbound: LOOPBACK, ...options });

  it('delivers the notification body, signed so that standardwebhooks verifies it', async () => {
    const now = new Date();
    expect(await send({ now })).toEqual({
      ok: true,
      status: 200,
      error: null,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: 'ok',
    });
    const [delivery] = receiver.deliveries;
    expect(delivery).toMatchObject({
      verified: true,
      json: JSON.parse(JSON.stringify(webhookPayload(message))),
    });
    expect(delivery?.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    });
  });

  it('sends a retry with the same id and body, signed at the time of the retry', async () => {
    const first = new Date();
    await send({ now: first });
    await send({ now: new Date(first.getTime() + 2000) });
    const [a, b] = receiver.deliveries;
    expect(b?.headers['webhook-id']).toBe(a?.headers['webhook-id']);
    expect(b?.body).toBe(a?.body);
    expect(Number(b?.headers['webhook-timestamp'])).toBe(Number(a?.headers['webhook-timestamp']) + 2);
    expect([a?.verified, b?.verified]).toEqual([true, true]);
  });

  /** An answered attempt: the status, its error, and the body as the excerpt. */
  const answered = (status: number, body: string, more: Partial<DeliveryOutcome> = {}): DeliveryOutcome => ({
    ok: false,
    status,
    error: `HTTP ${status}`,
    retryAfterSeconds: null,
    gone: false,
    responseExcerpt: body,
    ...more,
  });

  it.each<[string, ScriptedReply, DeliveryOutcome]>([
    ['a 204', { status: 204 }, answered(204, '', { ok: true, error: null })],
    ['a 500', { status: 500, body: 'boom' }, answered(500, 'boom')],
    [
      'a 429 with Retry-After',
      { status: 429, headers: { 'retry-after': '120' }, body: 'slow down' },
      answered(429, 'slow down', { retryAfterSeconds: 120 }),
    ],
    [
      'a 503 with Retry-After',
      { status: 503, headers: { 'retry-after': '30' } },
      answered(503, '', { retryAfterSeconds: 30 }),
    ],
    ['a 410, the receiver saying stop', { status: 410, body: 'gone' }, answered(410, 'gone', { gone: true })],
    ['a 404', { status: 404, body: 'nope' }, answered(404, 'nope')],
  ])('answers %s as an outcome', async (_, reply, expected) => {
    receiver.respondWith(reply);
    expect(await send()).toEqual(expected);
    expect(receiver.deliveries[0]?.verified).toBe(true);
  });

  it('gives up on a receiver that hangs at the deadline', async () => {
    receiver.respondWith({ hang: true });
    const started = Date.now();
    const outcome = await send({ timeoutMs: 300 });
    expect(outcome).toEqual({
      ok: false,
      status: null,
      error: 'no answer within 300 ms',
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: null,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('answers a refused connection as an outcome', async () => {
    await receiver.close();
    const outcome = await send();
    expect(outcome).toMatchObject({ ok: false, status: null, error: 'connection refused (ECONNREFUSED)' });
    receiver = await WebhookReceiver.start({ secret });
  });

  it('is refused by a receiver holding another secret: the receiver checks', async () => {
    const other = await WebhookReceiver.start({ secret: generateWebhookSecret() });
    try {
      const outcome = await sendWebhook({ url: other.url(), secret }, message, { outbound: LOOPBACK });
      expect(outcome).toMatchObject({
        ok: false,
        status: 401,
        responseExcerpt: 'No matching signature found',
      });
      expect(other.deliveries[0]?.verified).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('sends nothing with a secret that is not one, and does not quote it', async () => {
    const outcome = await sendWebhook({ url: receiver.url(), secret: '********' }, message, {
      outbound: LOOPBACK,
    });
    expect(outcome).toMatchObject({
      ok: false,
      status: null,
      error: 'the channel secret is not a whsec_ secret',
    });
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('never puts the secret in an outcome', async () => {
    receiver.respondWith({ status: 500 }, { hang: true });
    const outcomes = [await send(), await send({ timeoutMs: 100 })];
    await receiver.close();
    outcomes.push(await send());
    receiver = await WebhookReceiver.start({ secret });
    const key = secret.slice('whsec_'.length);
    for (const outcome of outcomes) expect(JSON.stringify(outcome)).not.toContain(key);
  });

  it('signs as the standardwebhooks package signs', async () => {
    const now = new Date();
    await send({ now });
    const [delivery] = receiver.deliveries;
    expect(delivery?.headers['webhook-signature']).toBe(
      new Webhook(secret).sign(message.id, now, delivery?.body ?? ''),
    );
  });
});
