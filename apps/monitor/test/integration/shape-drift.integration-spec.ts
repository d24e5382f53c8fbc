import type { Integration, ProbeResult, ShapeReport } from '@ihm/contracts';
import { createSandboxServer, SHAPE_SHIFTING_PATH } from '@ihm/sandbox';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ShapeDriftService } from '../../src/drift/shape-drift.service';
import { startMonitor, type RunningMonitor } from './monitor-app';

/**
 * Drift without a schema, end to end: the monitor probes the sandbox's shape-shifting API (a real HTTP server),
 * learns its healthy shape in PostgreSQL and reports each change on the first response that has it.
 */
describe('response shape drift (no JSON Schema)', () => {
  let sandbox: Server;
  let sandboxUrl: string;
  let monitor: RunningMonitor;
  let integration: Integration;

  const setVersion = async (version: number) => {
    const answer = await fetch(`${sandboxUrl}${SHAPE_SHIFTING_PATH}/version`, {
      method: 'POST',
      body: JSON.stringify({ version }),
    });
    expect(answer.status).toBe(200);
  };
  const probe = async (on = monitor) =>
    (await (
      await on.call(`/api/integrations/${integration.id}/probe`, { method: 'POST' })
    ).json()) as ProbeResult;
  const report = async () =>
    (await (await monitor.call(`/api/integrations/${integration.id}/shape`)).json()) as ShapeReport;

  beforeAll(async () => {
    sandbox = createSandboxServer();
    await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
    sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => sandbox.close(resolve)));

  beforeEach(async () => {
    await setVersion(1);
    monitor = await startMonitor();
    const created = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: 'Orders', url: sandboxUrl + SHAPE_SHIFTING_PATH },
    });
    integration = (await created.json()) as Integration;
  });
  afterEach(() => monitor.close());

  it('learns from healthy responses, then reports each change on the first response that has it', async () => {
    for (let i = 0; i < 3; i++) expect(await probe()).toMatchObject({ status: 'up' });
    const learned = (await report()).learned!;
    expect(learned).toMatchObject({ learning: false, responses: 3 });
    expect(learned.fields).toContainEqual({ path: 'price', types: ['number'], expected: true });
    expect(learned.fields).toContainEqual({ path: 'items[].sku', types: ['string'], expected: true });
    expect(JSON.stringify(learned)).not.toContain('cus_42');

    await setVersion(2);
    const typeChanged = await probe();
    expect(typeChanged).toMatchObject({
      status: 'degraded',
      category: 'schema_mismatch',
      schemaErrors: [{ path: 'price', message: 'field price changed from number to string' }],
    });
    expect(typeChanged.message).toMatch(
      /^The response's shape changed since .* UTC: field price changed from number to string\.$/,
    );

    await setVersion(3);
    expect(await probe()).toMatchObject({
      status: 'degraded',
      schemaErrors: [{ path: 'customer_id', message: 'field customer_id disappeared' }],
    });

    // An added field alone is no failure: the drift ends, the shape having come back.
    await setVersion(4);
    expect(await probe()).toMatchObject({ status: 'up', schemaErrors: [] });

    const { drifts } = await report();
    expect(drifts.map((d) => [d.changes.map((c) => c.description), d.endReason, d.endedAt !== null])).toEqual(
      [
        [['field customer_id disappeared'], 'returned', true],
        [['field price changed from number to string'], 'changed', true],
      ],
    );
  });

  it('accepting the new shape clears the drift, and the old shape is then a change of its own', async () => {
    for (let i = 0; i < 3; i++) await probe();
    const nothingToAccept = await monitor.call(`/api/integrations/${integration.id}/shape/accept`, {
      method: 'POST',
    });
    expect(nothingToAccept.status).toBe(409);

    await setVersion(2);
    expect(await probe()).toMatchObject({ status: 'degraded' });
    const accepted = await monitor.call(`/api/integrations/${integration.id}/shape/accept`, {
      method: 'POST',
    });
    expect(accepted.status).toBe(200);
    const afterAccept = (await accepted.json()) as ShapeReport;
    expect(afterAccept.drifts[0]).toMatchObject({ endReason: 'accepted', acceptedBy: 'API token' });
    expect(afterAccept.learned!.fields).toContainEqual({ path: 'price', types: ['string'], expected: true });

    expect(await probe()).toMatchObject({ status: 'up' });
    await setVersion(1);
    expect(await probe()).toMatchObject({
      status: 'degraded',
      schemaErrors: [{ path: 'price', message: 'field price changed from string to number' }],
    });
  });

  it('keeps what it learned across processes, and leaves integrations with a schema and dry runs alone', async () => {
    for (let i = 0; i < 3; i++) await probe();
    await monitor.app.get(ShapeDriftService).flush();
    const second = await startMonitor({}, monitor);
    try {
      await setVersion(5);
      expect(await probe(second)).toMatchObject({
        status: 'degraded',
        schemaErrors: [{ path: '(root)', message: 'field (root) changed from object to array' }],
      });
    } finally {
      await second.close();
    }

    const dryRun = await monitor.call('/api/probe', {
      method: 'POST',
      json: { url: sandboxUrl + SHAPE_SHIFTING_PATH },
    });
    expect(await dryRun.json()).toMatchObject({ status: 'up' });

    await monitor.call(`/api/integrations/${integration.id}`, {
      method: 'PATCH',
      json: { responseSchema: { type: 'array' } },
    });
    expect(await probe()).toMatchObject({ status: 'up', schemaErrors: [] });
  });

  it('stores what it learned when it stops, before its database connections close', async () => {
    const second = await startMonitor({}, monitor);
    try {
      // Learned within a second, so the periodic write has not come yet: only the one at shutdown stores it.
      for (let i = 0; i < 3; i++) await probe(second);
    } finally {
      await second.close();
    }
    expect((await report()).learned).toMatchObject({ learning: false, responses: 3 });
  });
});
