import { outboundPolicy, ProbeThreads, PUBLIC_ONLY } from '@ihm/probe';
import { CreateIntegrationRequestSchema, type HttpIntegrationDefinition } from '@ihm/contracts';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Probes on worker threads (the built libs/probe), against real local servers. */
describe('probe threads', () => {
  let server: Server;
  let origin: string;
  let threads: ProbeThreads;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hang') return;
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
      res.end('{"id":"w_1"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    threads = new ProbeThreads(2, outboundPolicy(true, []));
  });
  afterAll(async () => {
    await threads.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const target = (path: string, timeoutMs = 5000) =>
    CreateIntegrationRequestSchema.parse({
      name: `t ${path}`,
      url: `${origin}${path}`,
      timeoutMs,
    }) as HttpIntegrationDefinition;

  it('probes on the threads: what a probe in this loop would see', async () => {
    const [ok, missing] = await Promise.all([
      threads.probe(target('/ok')),
      threads.probe(target('/missing')),
    ]);
    expect(ok.observation.response).toMatchObject({ status: 200, body: { id: 'w_1' } });
    // A Date (of the host realm: Jest's own Date is another class), and the probe's own time.
    expect(Object.prototype.toString.call(ok.observation.now)).toBe('[object Date]');
    expect(Math.abs(ok.observation.now.getTime() - Date.now())).toBeLessThan(5000);
    expect(ok.timings.totalMs).toBeGreaterThan(0);
    expect(missing.observation.response?.status).toBe(404);
  });

  it('calls a probe off when its signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const probing = threads.probe(target('/hang', 10_000), { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const observed = await probing;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(observed.observation.failure).not.toBeNull();
  });

  it('applies the outbound policy in every thread', async () => {
    const guarded = new ProbeThreads(1, PUBLIC_ONLY);
    try {
      const observed = await guarded.probe(target('/ok'));
      expect(observed.observation.response).toBeNull();
      expect(observed.observation.failure?.message).toMatch(/private|loopback|not allowed|refused/i);
    } finally {
      await guarded.close();
    }
  });

  it('fails the probes of a thread that dies, and starts it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ihm-threads-'));
    const crashing = join(dir, 'crash.js');
    await writeFile(
      crashing,
      "require('node:worker_threads').parentPort.on('message', () => process.exit(3));",
    );
    const dying = new ProbeThreads(1, PUBLIC_ONLY, crashing);
    try {
      await expect(dying.probe(target('/ok'))).rejects.toThrow(/exited with 3/);
      // Started again: the next probe reaches a thread (which dies again) instead of waiting forever.
      await expect(dying.probe(target('/ok'))).rejects.toThrow(/exited with 3/);
    } finally {
      await dying.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
