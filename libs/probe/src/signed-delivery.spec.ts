import { HttpDefinitionSchema, type HttpIntegrationRequest } from '@ihm/contracts';
import { classify } from '@ihm/diagnosis';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { probeHttp } from './http.prober';
import { outboundPolicy } from './outbound-guard';

const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const STRIPE_SECRET = 'whsec_consumer_stripe_51f0';
const stripe = new Stripe('sk_test_unused');
const LOOPBACK = outboundPolicy(true, []);

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/** The team's own webhook consumer: verifies each delivery with the provider's library, as a real one would. */
function consumer(): Server {
  return createServer((req, res) => {
    void readBody(req).then((body) => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      try {
        if (req.url === '/hooks/standard') new Webhook(STANDARD_SECRET).verify(body, headers);
        else if (req.url === '/hooks/stripe')
          stripe.webhooks.constructEvent(body, headers['stripe-signature'] ?? '', STRIPE_SECRET);
        else {
          res.writeHead(404).end('Not Found');
          return;
        }
        res.writeHead(204).end();
      } catch {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid signature"}');
      }
    });
  });
}

describe('a probe signed as a webhook provider', () => {
  const server = consumer();
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const probe = async (fields: Partial<HttpIntegrationRequest>) => {
    const definition = HttpDefinitionSchema.parse({
      name: 'own consumer',
      url: `${base}/hooks/standard`,
      method: 'POST',
      body: '{"type":"monitor.test","data":{}}',
      ...fields,
    });
    const observed = await probeHttp(definition, { outbound: LOOPBACK });
    return { observed, verdict: classify(observed.observation) };
  };

  it.each([
    ['standard', `/hooks/standard`, STANDARD_SECRET],
    ['stripe', `/hooks/stripe`, STRIPE_SECRET],
  ] as const)(
    'passes the %s verification of a consumer that uses the real library',
    async (scheme, path, secret) => {
      const { observed, verdict } = await probe({ url: `${base}${path}`, signing: { scheme, secret } });
      expect(observed.observation.response?.status).toBe(204);
      expect(verdict.status).toBe('up');
    },
  );

  it('diagnoses a consumer that rejects a correctly signed delivery (its secret differs)', async () => {
    const { verdict } = await probe({
      signing: { scheme: 'standard', secret: 'whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==' },
    });
    expect(verdict).toMatchObject({ status: 'down', category: 'misconfigured_webhook' });
    expect(verdict.message).toMatch(/^your endpoint rejected a correctly signed delivery \(401\)/);
  });

  it('names the path when the consumer has no handler there', async () => {
    const { verdict } = await probe({
      url: `${base}/hooks/moved`,
      signing: { scheme: 'github', secret: 'gh-secret' },
    });
    expect(verdict).toMatchObject({ status: 'down', category: 'misconfigured_webhook' });
    expect(verdict.message).toMatch(/^no webhook handler at \/hooks\/moved \(404\)/);
  });
});
