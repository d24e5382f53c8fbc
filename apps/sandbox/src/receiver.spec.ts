import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DEMO_RECEIVER_SECRET, RECEIVER_PATH, type ReceivedDelivery } from './receiver';
import { createSandboxServer, type SandboxOptions } from './sandbox-server';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

const notification = (message: string) =>
  JSON.stringify({
    type: 'alert.firing',
    alert: { id: 'a1', category: 'authentication', message, troubleshooting: [] },
    integrations: [{ id: 'i1', name: 'Payments API', category: 'authentication', message }],
    url: 'http://127.0.0.1:3000/alerts/a1',
  });

/** The Standard Webhooks headers as the package itself signs them. */
function signed(id: string, body: string, { secret = SECRET, at = new Date() } = {}) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

describe('sandbox webhook receiver', () => {
  let server: Server;
  let url: string;

  const start = async (options: SandboxOptions) => {
    server = createSandboxServer(options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${RECEIVER_PATH}`;
  };
  beforeEach(() => start({ receiverSecret: SECRET }));
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const listed = async () => (await (await fetch(url)).json()) as ReceivedDelivery[];

  it('answers 204 to a good signature and lists what the body says', async () => {
    const body = notification('Bearer token expired 2 h ago (JWT exp)');
    const res = await post(body, signed('msg_1', body));
    expect(res.status).toBe(204);
    expect(await listed()).toEqual([
      {
        id: 'msg_1',
        receivedAt: expect.any(String),
        verified: true,
        error: null,
        attempts: 1,
        type: 'alert.firing',
        category: 'authentication',
        message: 'Bearer token expired 2 h ago (JWT exp)',
        integrations: [
          {
            name: 'Payments API',
            category: 'authentication',
            message: 'Bearer token expired 2 h ago (JWT exp)',
          },
        ],
      },
    ]);
  });

  const original = notification('original');
  it.each<[string, string, Record<string, string>, string]>([
    ['a tampered body', notification('tampered'), signed('msg_bad', original), 'No matching signature found'],
    [
      'another secret',
      original,
      signed('msg_bad', original, { secret: `whsec_${randomBytes(24).toString('base64')}` }),
      'No matching signature found',
    ],
    [
      'a timestamp 10 minutes old',
      original,
      signed('msg_bad', original, { at: new Date(Date.now() - 10 * 60_000) }),
      'Message timestamp too old',
    ],
    ['no signature headers', original, {}, 'Missing required headers'],
  ])('answers 401 with a JSON error to %s, and lists it unverified', async (_case, body, headers, reason) => {
    const res = await post(body, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'invalid_signature', message: reason });
    expect(await listed()).toMatchObject([
      { id: headers['webhook-id'] ?? null, verified: false, error: reason, attempts: 1 },
    ]);
  });

  it('acknowledges a retry of a verified id but lists it once, counting the attempts', async () => {
    const body = notification('first');
    expect((await post(body, signed('msg_retry', body))).status).toBe(204);
    const later = new Date(Date.now() + 2000);
    expect((await post(body, signed('msg_retry', body, { at: later }))).status).toBe(204);
    expect(await listed()).toMatchObject([{ id: 'msg_retry', verified: true, attempts: 2 }]);
  });

  it('does not let a refused delivery stand for a later genuine one of the same id', async () => {
    const body = notification('genuine');
    await post(body, signed('msg_x', body, { secret: DEMO_RECEIVER_SECRET }));
    expect((await post(body, signed('msg_x', body))).status).toBe(204);
    expect(await listed()).toMatchObject([
      { id: 'msg_x', verified: true },
      { id: 'msg_x', verified: false },
    ]);
  });

  it('lists newest first and keeps the last 200', async () => {
    for (let index = 0; index < 205; index += 1) {
      const body = notification(`number ${index}`);
      await post(body, signed(`msg_${index}`, body));
    }
    const deliveries = await listed();
    expect(deliveries).toHaveLength(200);
    expect(deliveries[0]?.id).toBe('msg_204');
    expect(deliveries[199]?.id).toBe('msg_5');
  });

  it('refuses a body over 1 MiB with 413 and lists nothing', async () => {
    const body = 'x'.repeat(1024 * 1024 + 1);
    expect((await post(body, signed('msg_big', body))).status).toBe(413);
    expect(await listed()).toEqual([]);
  });

  it('shows a browser an HTML page with the bodies escaped', async () => {
    const body = notification('<script>alert(1)</script>');
    await post(body, signed('msg_html', body));
    const res = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('msg_html');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('refuses other methods with the allowed ones, and is not a demo integration of the catalog', async () => {
    const res = await fetch(url, { method: 'PUT', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, GET');
    const catalog = (await (await fetch(new URL('/catalog', url))).json()) as { route: string }[];
    expect(catalog.map((entry) => entry.route).filter((route) => route.includes(RECEIVER_PATH))).toEqual([]);
  });

  it('verifies with the demo secret when given none', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await start({});
    const body = notification('demo');
    expect((await post(body, signed('msg_demo', body, { secret: DEMO_RECEIVER_SECRET }))).status).toBe(204);
    expect((await post(body, signed('msg_other', body))).status).toBe(401);
  });

  it('refuses a secret that is not whsec_ and base64', () => {
    expect(() => createSandboxServer({ receiverSecret: 'not-a-secret' })).toThrow(/whsec_/);
  });
});
