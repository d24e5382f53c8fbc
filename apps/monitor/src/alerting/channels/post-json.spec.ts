import { outboundPolicy } from '@ihm/probe';
import { WebhookReceiver } from '../../../test/receivers/webhook-receiver';
import { EXCERPT_BYTES, postJson } from './post-json';

/** The test receivers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

/** A port nothing listens on: a receiver's, once it is closed. */
async function closedPort(): Promise<number> {
  const receiver = await WebhookReceiver.start();
  await receiver.close();
  return receiver.port;
}

describe(postJson.name, () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());

  it('POSTs the body as is, as JSON, with its headers', async () => {
    const outcome = await postJson(
      receiver.url('/in?x=1'),
      '{"a": 1}',
      { 'x-extra': 'yes' },
      { outbound: LOOPBACK },
    );
    expect(outcome.ok).toBe(true);
    const [delivery] = receiver.deliveries;
    expect(delivery).toMatchObject({ method: 'POST', path: '/in?x=1', body: '{"a": 1}' });
    expect(delivery?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-extra': 'yes',
      'user-agent': expect.stringMatching(/^integration-health-monitor\//),
    });
  });

  it(`keeps the first ${EXCERPT_BYTES} bytes of the answer, never half a character`, async () => {
    // 2,047 bytes, then a two-byte character across the cap.
    receiver.respondWith({ status: 500, body: `${'a'.repeat(EXCERPT_BYTES - 1)}é${'b'.repeat(10_000)}` });
    const outcome = await postJson(receiver.url(), '{}', {}, { outbound: LOOPBACK });
    expect(outcome.responseExcerpt).toBe('a'.repeat(EXCERPT_BYTES - 1));
  });

  it('answers an empty body as an empty excerpt', async () => {
    receiver.respondWith({ status: 204 });
    expect(await postJson(receiver.url(), '{}', {}, { outbound: LOOPBACK })).toMatchObject({
      ok: true,
      status: 204,
      responseExcerpt: '',
    });
  });

  it('does not follow a redirect', async () => {
    receiver.respondWith({ status: 302, headers: { location: receiver.url('/elsewhere') } });
    const outcome = await postJson(receiver.url(), '{}', {}, { outbound: LOOPBACK });
    expect(outcome).toMatchObject({ ok: false, status: 302, gone: false });
    expect(outcome.error).toMatch(/^HTTP 302: redirects are not followed/);
    expect(receiver.deliveries.map((delivery) => delivery.path)).toEqual(['/hook']);
  });

  it.each(['ftp://127.0.0.1/hook', 'not a url', ''])('sends nothing to %j', async (url) => {
    expect(await postJson(url, '{}', {}, { outbound: LOOPBACK })).toEqual({
      ok: false,
      status: null,
      error: 'the URL is not an http(s) URL',
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: null,
    });
  });

  it('ends an attempt the caller aborts, as an outcome', async () => {
    receiver.respondWith({ hang: true });
    const controller = new AbortController();
    const attempt = postJson(receiver.url(), '{}', {}, { outbound: LOOPBACK, signal: controller.signal });
    await receiver.waitForDeliveries(1);
    controller.abort();
    expect(await attempt).toMatchObject({
      ok: false,
      status: null,
      error: 'the attempt was aborted (AbortError)',
    });
  });

  it('answers a refused connection as an outcome', async () => {
    const outcome = await postJson(
      `http://127.0.0.1:${await closedPort()}/hook`,
      '{}',
      {},
      { outbound: LOOPBACK },
    );
    expect(outcome).toMatchObject({ ok: false, status: null, error: 'connection refused (ECONNREFUSED)' });
  });
});
