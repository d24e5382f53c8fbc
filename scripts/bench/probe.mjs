// npm run bench:probe — probes/s through libs/probe, classify and redaction (schema validation on) against the bare undici
// ceiling at the same concurrency on the same loopback target, both with a fresh connection per request;
// then the prober's RSS before and after 10,000 probes of the gzip-bomb and huge-body routes.
import { CreateIntegrationRequestSchema } from '@ihm/contracts';
import { classify } from '@ihm/diagnosis';
import { probeHttp, redactionFor } from '@ihm/probe';
import { Agent, request } from 'undici';
import { fmt, median, startSandbox, throughput } from './lib.mjs';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HOSTILE_PROBES = Number(process.env.BENCH_HOSTILE_PROBES ?? 10_000);
const MIB = 1024 * 1024;

const sandbox = await startSandbox();
const schema = {
  type: 'object',
  required: ['items', 'total'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'price'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'number' } },
      },
    },
    total: { type: 'integer' },
  },
};
const target = CreateIntegrationRequestSchema.parse({
  name: 'bench',
  url: `${sandbox.url}/v1/widgets`,
  responseSchema: schema,
});
const agent = new Agent({ connections: CONCURRENCY });

const bare = async () => {
  const res = await request(target.url, { dispatcher: agent, reset: true });
  await res.body.text();
};
let failures = 0;
const redaction = redactionFor(target);
/** What the monitor's pipeline does with each probe before recording it: observe, classify, redact. */
const observeAndClassify = async (definition) => {
  const observed = await probeHttp(definition);
  const verdict = classify(observed.observation);
  redaction.text(verdict.message);
  if (observed.rawEvidence) {
    redaction.headers(observed.rawEvidence.responseHeaders);
    redaction.text(observed.rawEvidence.bodyExcerpt ?? '');
  }
  return verdict;
};
const ours = async () => {
  if ((await observeAndClassify(target)).status !== 'up') failures += 1;
};

// Warm up both paths (JIT, Ajv compile), then alternate rounds so machine noise hits both alike.
await throughput(500, CONCURRENCY, bare);
await throughput(500, CONCURRENCY, ours);
const bareRates = [];
const ourRates = [];
for (let round = 0; round < ROUNDS; round += 1) {
  bareRates.push(await throughput(REQUESTS, CONCURRENCY, bare));
  ourRates.push(await throughput(REQUESTS, CONCURRENCY, ours));
}
const bareMedian = median(bareRates);
const ourMedian = median(ourRates);

globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const hostile = [
  CreateIntegrationRequestSchema.parse({
    name: 'bomb',
    url: `${sandbox.url}/gzip-bomb`,
    responseSchema: schema,
  }),
  CreateIntegrationRequestSchema.parse({ name: 'huge', url: `${sandbox.url}/huge`, responseSchema: schema }),
];
let i = 0;
let hostileDown = 0;
const hostileStarted = performance.now();
await throughput(HOSTILE_PROBES, CONCURRENCY, async () => {
  if ((await observeAndClassify(hostile[i++ % 2])).category === 'schema_mismatch') hostileDown += 1;
});
const hostileSeconds = (performance.now() - hostileStarted) / 1000;
globalThis.gc?.();
const rssAfter = process.memoryUsage().rss;
sandbox.stop();
await agent.close();

const ratio = ourMedian / bareMedian;
const growth = (rssAfter - rssBefore) / MIB;
console.log(
  `bench:probe — ${ROUNDS} rounds × ${fmt(REQUESTS)} requests, concurrency ${CONCURRENCY}, fresh connection each, target in its own process`,
);
console.log('');
console.log('| measure | value | ceiling / target |');
console.log('| --- | --- | --- |');
console.log(
  `| libs/probe + classify + redaction, schema on, probes/s (median) | ${fmt(ourMedian)} | bare undici ${fmt(bareMedian)}/s |`,
);
console.log(`| ratio to the bare loop | ${fmt(ratio, 2)} | ≥ 0.60 ${ratio >= 0.6 ? '✓' : '✗'} |`);
console.log(`| probes not "up" in the throughput runs | ${failures} | 0 |`);
console.log(`| RSS before ${fmt(HOSTILE_PROBES)} gzip-bomb/huge probes | ${fmt(rssBefore / MIB, 1)} MiB | |`);
console.log(`| RSS after | ${fmt(rssAfter / MIB, 1)} MiB | |`);
console.log(`| RSS growth | ${fmt(growth, 1)} MiB | < 100 MiB ${growth < 100 ? '✓' : '✗'} |`);
console.log(
  `| hostile probes classified schema_mismatch | ${fmt(hostileDown)} of ${fmt(HOSTILE_PROBES)} (${fmt(hostileSeconds, 1)} s) | all |`,
);
console.log('');
console.log(
  `rounds, probes/s: ours ${ourRates.map((r) => fmt(r)).join(', ')}; bare ${bareRates.map((r) => fmt(r)).join(', ')}`,
);
