import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createSandboxServer } from './sandbox-server';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

describe('the sandbox as a webhook provider', () => {
  const verdicts: string[] = [];
  const receiver = createServer((req, res) => {
    void readBody(req).then((body) => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      try {
        new Webhook(SECRET).verify(body, headers);
        verdicts.push('verified');
      } catch (error) {
        verdicts.push((error as Error).message);
      }
      res.writeHead(204).end();
    });
  });
  const sandbox = createSandboxServer();
  let receiverUrl: string;
  let sandboxUrl: string;

  beforeAll(async () => {
    receiverUrl = `${await listen(receiver)}/hook`;
    sandboxUrl = await listen(sandbox);
  });
  afterAll(async () => {
    await new Promise((resolve) => sandbox.close(resolve));
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('delivers its plan in turn: a delivery the real library verifies, a tampered one and a stale one', async () => {
    const subscribe = await fetch(`${sandboxUrl}/provider/subscriptions`, {
      method: 'POST',
      body: JSON.stringify({
        url: receiverUrl,
        scheme: 'standard',
        secret: SECRET,
        plan: ['good', 'tampered', 'stale'],
        everySeconds: 1,
      }),
    });
    expect(subscribe.status).toBe(201);
    while (verdicts.length < 3) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(verdicts.slice(0, 3)).toEqual([
      'verified',
      'No matching signature found',
      'Message timestamp too old',
    ]);
    const listed = (await (await fetch(`${sandboxUrl}/provider/subscriptions`)).json()) as { sent: number }[];
    expect(listed[0]!.sent).toBeGreaterThanOrEqual(3);
  }, 10_000);

  it('refuses a subscription it cannot deliver', async () => {
    const refused = await fetch(`${sandboxUrl}/provider/subscriptions`, {
      method: 'POST',
      body: JSON.stringify({ url: receiverUrl, scheme: 'none', secret: 'x' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ message: expect.stringMatching(/^scheme must be one of/) });
  });
});
