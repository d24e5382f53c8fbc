import {
  HttpIntegrationSchema,
  ProbeResultPageSchema,
  WebhookAnswerSchema,
  WebhookIntegrationSchema,
} from '@ihm/contracts';
import { sign as githubSign } from '@octokit/webhooks-methods';
import { createHmac, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import twilio from 'twilio';
import { startMonitor, type RunningMonitor } from './monitor-app';

const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SECRETS = {
  github: 'gh-hook-secret-9f2c',
  stripe: 'whsec_stripe_3b1a77d0',
  slack: '8f742231b10e8888abcd99yyyzzz85a5',
  shopify: 'shpss_4c0ffee1234',
  twilio: 'twilio-auth-token-77aa',
  hmac: 'generic-hmac-secret-55',
} as const;
const stripe = new Stripe('sk_test_unused');

type Signed = { body: string; headers: Record<string, string> };
type Signer = (body: string, url: string, at: number) => Promise<Signed> | Signed;

const hex = (secret: string, content: string) => createHmac('sha256', secret).update(content).digest('hex');

/** Each scheme's integration, and a delivery signed as its provider signs one (by its own library where it has one). */
const SCHEMES: Record<string, { webhook: Record<string, unknown>; sign: Signer }> = {
  standard: {
    webhook: { scheme: 'standard', secret: STANDARD_SECRET },
    sign: (body, _url, at) => {
      const id = `msg_${randomUUID()}`;
      const signature = new Webhook(STANDARD_SECRET).sign(id, new Date(at * 1000), body);
      return {
        body,
        headers: { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': signature },
      };
    },
  },
  github: {
    webhook: { scheme: 'github', secret: SECRETS.github },
    sign: async (body) => ({
      body,
      headers: {
        'x-hub-signature-256': await githubSign(SECRETS.github, body),
        'x-github-delivery': randomUUID(),
        'x-github-event': 'push',
      },
    }),
  },
  stripe: {
    webhook: { scheme: 'stripe', secret: SECRETS.stripe },
    sign: (body, _url, at) => ({
      body,
      headers: {
        'stripe-signature': stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: SECRETS.stripe,
          timestamp: at,
        }),
      },
    }),
  },
  slack: {
    webhook: { scheme: 'slack', secret: SECRETS.slack },
    sign: (body, _url, at) => ({
      body,
      headers: {
        'x-slack-request-timestamp': String(at),
        'x-slack-signature': `v0=${hex(SECRETS.slack, `v0:${at}:${body}`)}`,
      },
    }),
  },
  shopify: {
    webhook: { scheme: 'shopify', secret: SECRETS.shopify },
    sign: (body) => ({
      body,
      headers: {
        'x-shopify-hmac-sha256': createHmac('sha256', SECRETS.shopify).update(body).digest('base64'),
        'x-shopify-webhook-id': randomUUID(),
      },
    }),
  },
  twilio: {
    webhook: { scheme: 'twilio', secret: SECRETS.twilio },
    sign: (_body, url) => {
      const params = {
        MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
        Body: 'hello',
        From: '+15005550006',
      };
      return {
        body: new URLSearchParams(params).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(SECRETS.twilio, url, params),
        },
      };
    },
  },
  hmac: {
    webhook: {
      scheme: 'hmac',
      secret: SECRETS.hmac,
      hmac: { header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' },
    },
    sign: (body) => ({ body, headers: { 'x-signature': `sha256=${hex(SECRETS.hmac, body)}` } }),
  },
};

describe('webhook receiver', () => {
  let monitor: RunningMonitor;

  beforeAll(async () => {
    monitor = await startMonitor();
  });
  afterAll(() => monitor.close());

  async function createWebhook(name: string, webhook: Record<string, unknown>) {
    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { kind: 'webhook', name, webhook },
    });
    expect(res.status).toBe(201);
    return WebhookIntegrationSchema.parse(await res.json());
  }

  /** Posts to the receiver at this monitor's address, whatever base URL the integration names. */
  function deliver(receiverUrl: string, { body, headers }: Signed) {
    const { pathname, search } = new URL(receiverUrl);
    return fetch(monitor.baseUrl + pathname + search, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  /** The stored results, newest first, once the writer has flushed `count` of them. */
  async function results(id: string, count: number) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const page = ProbeResultPageSchema.parse(
        await (await monitor.call(`/api/integrations/${id}/results`)).json(),
      );
      if (page.items.length >= count) return page.items;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${count} results were stored`);
  }

  const now = () => Math.floor(Date.now() / 1000);
  const payload = () =>
    JSON.stringify({ id: `evt_${randomUUID()}`, type: 'invoice.paid', data: { amount: 42 } });

  it.each(Object.keys(SCHEMES))(
    '%s: accepts a delivery its provider signed and refuses a tampered one and one signed with another secret',
    async (scheme) => {
      const { webhook, sign } = SCHEMES[scheme]!;
      const hook = await createWebhook(`receiver ${scheme}`, webhook);
      expect(hook.webhook.secret).toBe('********');
      const good = await sign(payload(), hook.receiverUrl, now());
      const accepted = await deliver(hook.receiverUrl, good);
      expect(accepted.status).toBe(202);

      const otherSecret = await createWebhook(`receiver ${scheme} other secret`, {
        ...webhook,
        secret:
          scheme === 'standard' ? 'whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==' : 'another-secret-entirely',
      });
      const wrongSecret = await deliver(
        otherSecret.receiverUrl,
        await sign(payload(), otherSecret.receiverUrl, now()),
      );
      expect(wrongSecret.status).toBe(401);
      expect(WebhookAnswerSchema.parse(await wrongSecret.json())).toMatchObject({
        accepted: false,
        verdict: 'bad_signature',
      });

      const tampered = { ...good, body: `${good.body.slice(0, -1)} ` };
      const refused = await deliver(hook.receiverUrl, tampered);
      expect(refused.status).toBe(401);
      expect(WebhookAnswerSchema.parse(await refused.json())).toMatchObject({
        accepted: false,
        verdict: 'bad_signature',
      });

      const [latest, first] = await results(hook.id, 2);
      expect(first).toMatchObject({ status: 'up', category: null, httpStatus: 202 });
      expect(first!.evidence?.delivery).toMatchObject({ verdict: 'accepted' });
      expect(latest).toMatchObject({ status: 'down', category: 'misconfigured_webhook', httpStatus: 401 });
      expect(latest!.message).toMatch(/^signature does not match: the secret configured here differs/);
      expect(latest!.troubleshooting.length).toBeGreaterThanOrEqual(3);
    },
  );

  it('refuses a missing signature, a stale timestamp, a duplicate id and a payload that breaks its schema', async () => {
    const hook = await createWebhook('receiver reasons', {
      ...SCHEMES.standard!.webhook,
      toleranceSeconds: 60,
      payloadSchema: {
        type: 'object',
        required: ['type', 'data'],
        properties: { data: { type: 'object', properties: { amount: { type: 'integer' } } } },
      },
    });
    const sign = SCHEMES.standard!.sign;
    const missing = await deliver(hook.receiverUrl, { body: payload(), headers: {} });
    expect(missing.status).toBe(401);
    const stale = await deliver(hook.receiverUrl, await sign(payload(), hook.receiverUrl, now() - 600));
    expect(stale.status).toBe(401);
    const once = await sign(payload(), hook.receiverUrl, now());
    expect((await deliver(hook.receiverUrl, once)).status).toBe(202);
    expect((await deliver(hook.receiverUrl, once)).status).toBe(200);
    const broken = JSON.stringify({ type: 'invoice.paid', data: { amount: 'forty-two' } });
    const invalid = await deliver(hook.receiverUrl, await sign(broken, hook.receiverUrl, now()));
    expect(invalid.status).toBe(400);
    const text = await sign('plain words', hook.receiverUrl, now());
    const wrongType = await deliver(hook.receiverUrl, {
      ...text,
      headers: { ...text.headers, 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(400);

    const messages = (await results(hook.id, 6)).map((r) => [
      r.status,
      r.evidence?.delivery?.verdict,
      r.message,
    ]);
    expect(messages.reverse()).toEqual([
      ['down', 'missing_signature', expect.stringMatching(/^no webhook-signature header/)],
      [
        'down',
        'stale_timestamp',
        expect.stringMatching(/^timestamp is 10 min old, beyond the 60 s tolerance/),
      ],
      ['up', 'accepted', 'delivery accepted'],
      ['degraded', 'duplicate', expect.stringMatching(/^delivery id msg_[\w-]+ was already received at/)],
      ['down', 'invalid_payload', 'payload breaks its schema: /data/amount must be integer'],
      [
        'down',
        'wrong_content_type',
        expect.stringMatching(/^content type is text\/plain, expected application\/json/),
      ],
    ]);
  });

  it('refuses a body over the cap with 413, and answers 404 for an id that is not a webhook integration', async () => {
    const hook = await createWebhook('receiver cap', { scheme: 'none' });
    const big = await deliver(hook.receiverUrl, { body: 'x'.repeat(1_048_577), headers: {} });
    expect(big.status).toBe(413);
    const http = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: 'receiver not a hook', url: 'https://api.example.com/v1' },
    });
    const { id } = HttpIntegrationSchema.parse(await http.json());
    expect(
      (await fetch(`${monitor.baseUrl}/api/webhooks/${id}`, { method: 'POST', body: '{}' })).status,
    ).toBe(404);
    expect(
      (await fetch(`${monitor.baseUrl}/api/webhooks/${randomUUID()}`, { method: 'POST', body: '{}' })).status,
    ).toBe(404);
    const [result] = await results(hook.id, 1);
    expect(result).toMatchObject({ status: 'down', httpStatus: 413, category: 'misconfigured_webhook' });
    expect(result!.message).toBe("delivery of 1.0 MiB exceeds the receiver's 1.0 MiB limit");
  });

  it('stores no secret or signature in results, and shows none in the API', async () => {
    const hook = await createWebhook('receiver leak check', SCHEMES.github!.webhook);
    const signed = await SCHEMES.github!.sign(payload(), hook.receiverUrl, now());
    await deliver(hook.receiverUrl, { ...signed, body: `${signed.body} ` });
    const [result] = await results(hook.id, 1);
    const everything = JSON.stringify([
      result,
      await (await monitor.call(`/api/integrations/${hook.id}`)).json(),
    ]);
    expect(everything).not.toContain(SECRETS.github);
    expect(everything).not.toContain(signed.headers['x-hub-signature-256']!.slice(7));
    expect(result!.evidence?.delivery?.headers['x-hub-signature-256']).toBe('********');
  });
});

describe('webhook silence', () => {
  let monitor: RunningMonitor;

  beforeAll(async () => {
    monitor = await startMonitor({ ROLE: 'all' });
  });
  afterAll(() => monitor.close());

  it('goes down as misconfigured_webhook within a scheduler tick of a 2 s window passing without deliveries', async () => {
    const created = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { kind: 'webhook', name: 'silent hook', webhook: { scheme: 'none', maxSilenceSeconds: 2 } },
    });
    const hook = WebhookIntegrationSchema.parse(await created.json());
    const windowEnds = new Date(hook.createdAt).getTime() + 2000;
    let down: { startedAt: string; message: string } | undefined;
    while (!down && Date.now() < windowEnds + 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const page = ProbeResultPageSchema.parse(
        await (await monitor.call(`/api/integrations/${hook.id}/results`)).json(),
      );
      down = page.items.find((r) => r.status === 'down' && r.category === 'misconfigured_webhook');
    }
    expect(down).toBeDefined();
    // The check ran as it fell due (within a second on a busy machine), so the silence it measured rounds to 2 or 3 s.
    expect(new Date(down!.startedAt).getTime() - windowEnds).toBeLessThan(1000);
    expect(down!.message).toMatch(
      /^no delivery for [23] s, expected every 2 s; none received since it was created$/,
    );

    // A delivery brings it back up and moves the window on.
    const back = await fetch(`${monitor.baseUrl}/api/webhooks/${hook.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(back.status).toBe(202);
  });
});

describe('webhook silence with two workers', () => {
  let first: RunningMonitor;
  let second: RunningMonitor;

  beforeAll(async () => {
    first = await startMonitor({ ROLE: 'all' });
    second = await startMonitor({ ROLE: 'worker' }, first);
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('reports each silent window once, whichever worker claims it', async () => {
    const created = await first.call('/api/integrations', {
      method: 'POST',
      json: {
        kind: 'webhook',
        name: 'silent with two workers',
        webhook: { scheme: 'none', maxSilenceSeconds: 2 },
      },
    });
    const hook = WebhookIntegrationSchema.parse(await created.json());
    // Three windows, each counted from the report before it (2 s plus a tick and a write each): by 7.8 s.
    await new Promise((resolve) => setTimeout(resolve, 7800));
    const page = ProbeResultPageSchema.parse(
      await (await first.call(`/api/integrations/${hook.id}/results`)).json(),
    );
    const times = page.items.map((r) => new Date(r.startedAt).getTime()).sort((a, b) => a - b);
    expect(page.items.every((r) => r.category === 'misconfigured_webhook')).toBe(true);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThan(1500);
  });
});
