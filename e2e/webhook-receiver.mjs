// A local receiver for the e2e's webhook channel: records every delivery and verifies its Standard Webhooks
// signature with the `standardwebhooks` package (not the monitor's signer), answering 401 to a bad one, as
// apps/monitor/test/receivers/webhook-receiver.ts does for the monitor's own specs.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

/** Starts on a free loopback port. The secret is set once the monitor has generated it. */
export async function startWebhookReceiver() {
  const deliveries = [];
  let secret = null;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verifyError = null;
      try {
        if (!secret) throw new Error('no secret set yet');
        new Webhook(secret).verify(body, request.headers);
      } catch (error) {
        verifyError = error instanceof Error ? error.message : String(error);
      }
      const json = verifyError ? null : JSON.parse(body);
      deliveries.push({
        at: new Date(),
        headers: request.headers,
        body,
        json,
        verified: !verifyError,
        verifyError,
      });
      if (verifyError) response.writeHead(401).end(verifyError);
      else response.writeHead(200, { 'content-type': 'text/plain' }).end(`verified ${json.type}`);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    setSecret(value) {
      secret = value;
    },
    /** The first verified delivery of this notification type, waiting for it up to `timeoutMs`. */
    async waitFor(type, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = deliveries.find((delivery) => delivery.verified && delivery.json.type === type);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = deliveries.map((d) => (d.verified ? d.json.type : `unverified: ${d.verifyError}`));
          throw new Error(
            `no verified ${type} delivery within ${timeoutMs} ms; received: ${seen.join(', ') || 'none'}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
