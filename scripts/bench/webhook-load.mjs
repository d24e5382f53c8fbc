// The load generator of bench:webhooks, in its own process so that its CPU is not the monitor's: GitHub-signed
// deliveries (HMAC-SHA256 of each body, a fresh X-GitHub-Delivery) at a fixed rate, spread over the receivers,
// open loop (the rate does not slow down when answers do): `warmupSeconds` at the rate first (the connections
// opened, the receivers' settings cached, the code path compiled), then `seconds` measured. Reports the
// measured latencies, the warm-up's apart, and every status over IPC.
import { createHmac, randomUUID } from 'node:crypto';
import { Pool } from 'undici';

const { base, receivers, secret, rate, seconds, warmupSeconds, connections } = JSON.parse(process.argv[2]);
for (const [name, value] of Object.entries({ rate, seconds, warmupSeconds, connections }))
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`webhook-load: ${name} must be a number, got ${value}`);
// An answer that never comes is an error after 30 s, not a run that never ends.
const pool = new Pool(base, {
  connections,
  pipelining: 1,
  keepAliveTimeout: 30_000,
  headersTimeout: 30_000,
  bodyTimeout: 30_000,
});
const TICK_MS = 10;

const latencies = [];
const warmupLatencies = [];
const statuses = {};
let errors = 0;
let sent = 0;
let inflight = 0;

function deliver(path, measured) {
  const body = JSON.stringify({
    action: 'completed',
    delivery: randomUUID(),
    check_run: { id: sent, status: 'completed', conclusion: 'success' },
  });
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const started = performance.now();
  inflight += 1;
  return pool
    .request({
      path,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'check_run',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': signature,
      },
      body,
    })
    .then(async (res) => {
      await res.body.dump();
      (measured ? latencies : warmupLatencies).push(performance.now() - started);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    })
    .catch(() => (errors += 1))
    .finally(() => (inflight -= 1));
}

const warmup = rate * warmupSeconds;
const total = warmup + rate * seconds;
const startedAt = performance.now();
let measuredFrom = null;
await new Promise((resolve) => {
  const timer = setInterval(() => {
    // Catch up on ticks the timer missed, so the rate holds on a busy machine.
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * rate));
    while (sent < due) {
      if (sent === warmup) measuredFrom ??= performance.now();
      void deliver(receivers[sent % receivers.length], sent >= warmup);
      sent += 1;
    }
    if (sent >= total) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
const sentFor = (performance.now() - (measuredFrom ?? startedAt)) / 1000;
while (inflight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
await pool.close();
process.send({ sent, measured: sent - warmup, sentFor, latencies, warmupLatencies, statuses, errors });
