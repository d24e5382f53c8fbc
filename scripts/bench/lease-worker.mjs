// One process of the coordination bench: claims due checks from the lease queue with the monitor's own
// ScheduleRepository (batches of 500, as the scheduler claims), runs a probe that does nothing, and writes a result
// for each through the monitor's own ResultStoreRepository in batches (every 250 ms, up to 2,000, as its writer
// does), which moves the check to its next due time. Runs BENCH_SECONDS, then prints "DONE <json>" with its counts.
import { createPool, createPrismaClient } from '@ihm/db';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const dist = join(root, 'apps/monitor/dist');
const { ScheduleRepository } = require(join(dist, 'scheduler/schedule.repository.js'));
const { ResultStoreRepository } = require(join(dist, 'results/result-store.repository.js'));

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const intervalMs = Number(process.env.BENCH_INTERVAL_S ?? 30) * 1000;
const owner = `bench-${process.pid}`;
const pool = createPool({ connectionString: process.env.DATABASE_URL });
const prisma = createPrismaClient({ pool });
const schedules = new ScheduleRepository(prisma);
const store = new ResultStoreRepository(prisma, pool);

const result = (startedAt) => ({
  startedAt,
  status: 'up',
  category: null,
  httpStatus: 200,
  message: 'OK (200).',
  troubleshooting: [],
  timings: { dnsMs: 0, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3 },
  rateLimit: null,
  schemaErrors: [],
  tls: null,
  tokenExpiresAt: null,
  evidence: null,
});

let buffer = [];
const counts = { claimed: 0, written: 0, claims: 0 };
const until = Date.now() + seconds * 1000;
await schedules.renewLease(owner, 30);

async function claimLoop() {
  while (Date.now() < until) {
    const claimed = await schedules.claim(owner, 500, { aheadMs: 300, takeOver: false });
    counts.claims += 1;
    counts.claimed += claimed.length;
    const now = new Date();
    for (const check of claimed)
      buffer.push({
        integrationId: check.integrationId,
        result: result(now),
        schedule: { nextDueAt: new Date(now.getTime() + intervalMs), leaseOwner: owner },
      });
    if (claimed.length < 500) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function writeLoop() {
  while (Date.now() < until || buffer.length > 0) {
    const batch = buffer.splice(0, 2000);
    if (batch.length > 0) {
      await store.writeBatch(batch);
      counts.written += batch.length;
    }
    if (buffer.length < 2000) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

await Promise.all([claimLoop(), writeLoop()]);
await schedules.retire(owner);
await prisma.$disconnect();
await pool.end();
process.stdout.write(`DONE ${JSON.stringify({ ...counts, seconds })}\n`);
