// The load generator of bench:webhooks, in its own process so that its CPU is not the monitor's: GitHub-signed
// deliveries (HMAC-SHA256 of each body, a fresh X-GitHub-Delivery) at a fixed rate, spread over the receivers,
// open loop (the rate does not slow down when answers do). Reports every latency and status over IPC.
import { createHmac, randomUUID } from 'node:crypto';
import { Pool } from 'undici';

const { base, receivers, secret, rate, seconds, connections } = JSON.parse(process.argv[2]);
const pool = new Pool(base, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
const TICK_MS = 10;

const latencies = [];
const statuses = {};
let errors = 0;
let sent = 0;
let inflight = 0;

function deliver(path) {
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
      latencies.push(performance.now() - started);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    })
    .catch(() => (errors += 1))
    .finally(() => (inflight -= 1));
}

const total = rate * seconds;
const startedAt = performance.now();
await new Promise((resolve) => {
  const timer = setInterval(() => {
    // Catch up on ticks the timer missed, so the rate holds on a busy machine.
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * rate));
    while (sent < due) {
      void deliver(receivers[sent % receivers.length]);
      sent += 1;
    }
    if (sent >= total) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
const sentFor = (performance.now() - startedAt) / 1000;
while (inflight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
await pool.close();
process.send({ sent, sentFor, latencies, statuses, errors });
