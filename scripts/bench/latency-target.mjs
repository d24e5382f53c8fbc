// A target that answers like the APIs the monitor probes: after a delay drawn from a log-normal distribution
// (median TARGET_MEDIAN_MS, 200 by default; p99 about four times that) with a 1 % tail of 2 to 4 s, with a small
// JSON body (paths under /fail: a 503 with an error body), over HTTP and HTTPS (TARGET_CERT / TARGET_KEY) on each
// of TARGET_ADDRESSES (several loopback addresses, so that one address's ephemeral ports do not run out at
// thousands of new connections a second). Prints "READY <json>" with its HTTP and HTTPS origins.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

const addresses = (process.env.TARGET_ADDRESSES ?? '127.0.0.2').split(',');
const medianMs = Number(process.env.TARGET_MEDIAN_MS ?? 200);
const SIGMA = 0.6;
const body = JSON.stringify({ id: 'w_1', name: 'widget', updated_at: '2026-12-01T00:00:00Z' });

/** Box–Muller: one standard normal draw. */
const normal = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
const delayMs = () =>
  Math.random() < 0.01 ? 2000 + Math.random() * 2000 : medianMs * Math.exp(SIGMA * normal());

const failure = JSON.stringify({
  error: {
    code: 'service_unavailable',
    message: 'The service is temporarily overloaded; try again shortly.',
  },
  request_id: 'req_8f2c1d',
});

/** Paths under /fail answer 503 with a provider's error body, as an API in an incident does. */
function answer(req, res) {
  const failing = req.url?.startsWith('/fail') ?? false;
  const text = failing ? failure : body;
  setTimeout(() => {
    res.writeHead(failing ? 503 : 200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...(failing ? { 'retry-after': '30' } : {}),
    });
    res.end(text);
  }, delayMs());
}

const listen = (server, host) =>
  new Promise((resolve) => server.listen(0, host, 4096, () => resolve(server.address().port)));

const tls = process.env.TARGET_CERT
  ? { cert: readFileSync(process.env.TARGET_CERT), key: readFileSync(process.env.TARGET_KEY) }
  : null;
const origins = { http: [], https: [] };
for (const host of addresses) {
  const http = createHttpServer({ keepAliveTimeout: 1000 }, answer);
  origins.http.push(`http://${host}:${await listen(http, host)}`);
  if (tls) {
    const https = createHttpsServer({ ...tls, keepAliveTimeout: 1000 }, answer);
    origins.https.push(`https://${host}:${await listen(https, host)}`);
  }
}
process.stdout.write(`READY ${JSON.stringify(origins)}\n`);
