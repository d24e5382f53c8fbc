import { CreateIntegrationRequestSchema } from '@ihm/contracts';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createSandboxServer } from './sandbox-server';

describe('sandbox server', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createSandboxServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['GET', '/v1/widgets', 200],
    ['GET', '/auth/expired-token', 401],
    ['GET', '/auth/missing-scope', 403],
    ['GET', '/rate-limit/exceeded', 429],
    ['GET', '/rate-limit/low', 200],
    ['POST', '/v1/customers', 400],
    ['GET', '/v2/widgets', 200],
    ['GET', '/v1/widgets/999', 404],
    ['GET', '/server-error', 500],
    ['GET', '/maintenance', 503],
    ['GET', '/no-such-route', 404],
    ['POST', '/v1/widgets', 405],
  ])('%s %s answers %i', async (method, path, status) => {
    const res = await fetch(base + path, { method, body: method === 'POST' ? '{}' : undefined });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('sends Retry-After on the 429 and rate-limit headers on the low-budget route', async () => {
    const limited = await fetch(`${base}/rate-limit/exceeded`);
    expect(limited.headers.get('retry-after')).toBe('30');
    const low = await fetch(`${base}/rate-limit/low`);
    expect(low.headers.get('ratelimit-remaining')).toBe('12');
  });

  it('never answers on /hanging', async () => {
    const outcome = await fetch(`${base}/hanging`, { signal: AbortSignal.timeout(300) }).then(
      () => 'answered',
      () => 'timed out',
    );
    expect(outcome).toBe('timed out');
  });

  it('lists a valid integration definition for every route in its catalog', async () => {
    const catalog = (await (await fetch(`${base}/catalog`)).json()) as { integration: unknown }[];
    expect(catalog.length).toBeGreaterThanOrEqual(12);
    for (const entry of catalog) {
      const parsed = CreateIntegrationRequestSchema.safeParse(entry.integration);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(String((entry.integration as { url: string }).url)).toContain(base);
    }
  });
});
