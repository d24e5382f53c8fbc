import { createPool, type Pool } from '@ihm/db';
import { IntegrationSchema } from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SealedSecretsRepository } from '../../src/security/sealed-secrets.repository';
import { SecretBox, SecretBoxError } from '../../src/security/secret-box';
import { rotateSecrets } from '../../src/security/secret-rotation';
import { startMonitor, type RunningMonitor } from './monitor-app';

const INTEGRATIONS = 120;

/**
 * The documented rotation, with the monitor running throughout: a process on the old key; one on the new key that
 * can still open the old; `rotateSecrets` while edits go on; then the new key alone reads everything.
 */
describe('npm run secrets:rotate', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const seen: string[] = [];
  let target: Server;
  let targetUrl: string;
  let before: RunningMonitor;
  let during: RunningMonitor;
  let pool: Pool;

  beforeAll(async () => {
    // Records the bearer token each probe arrives with.
    target = createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      res.end('{}');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    before = await startMonitor({ ENCRYPTION_KEY: oldKey.toString('hex') });
    during = await startMonitor(
      { ENCRYPTION_KEY: newKey.toString('hex'), DECRYPTION_KEYS: oldKey.toString('hex') },
      before,
    );
    pool = createPool({ connectionString: before.db.connectionString, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await during.close();
    await before.close();
    await new Promise((resolve) => target.close(resolve));
  });

  async function create(monitor: RunningMonitor, i: number): Promise<string> {
    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name: `rotated ${i}`, url: `${targetUrl}/${i}`, auth: { type: 'bearer', token: `tok-${i}` } },
    });
    expect(res.status).toBe(201);
    return IntegrationSchema.parse(await res.json()).id;
  }

  async function probedToken(monitor: RunningMonitor, id: string): Promise<string | undefined> {
    const res = await monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' });
    expect(res.status).toBe(200);
    return seen.at(-1);
  }

  async function sealedRows(table: string): Promise<Buffer[]> {
    const { rows } = await pool.query<{ secrets: Buffer }>(
      `SELECT secrets FROM ${table} WHERE secrets IS NOT NULL`,
    );
    return rows.map((row) => row.secrets);
  }

  it('re-seals every secret under the new key while the monitor keeps reading and writing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < INTEGRATIONS; i++) ids.push(await create(before, i));
    const channel = await before.call('/api/channels', {
      method: 'POST',
      json: {
        name: 'hook',
        type: 'webhook',
        config: { url: `${targetUrl}/hook`, secret: `whsec_${randomBytes(24).toString('base64')}` },
      },
    });
    expect(channel.status).toBe(201);

    // The new process reads what the old one sealed, and what it writes is under the new key.
    expect(await probedToken(during, ids[0]!)).toBe('Bearer tok-0');
    const createdDuring = await create(during, INTEGRATIONS);

    // Edits through the new process race the rotation: compare-and-set keeps each edit.
    const edits = ids.slice(0, 20).map((id, i) =>
      during.call(`/api/integrations/${id}`, {
        method: 'PATCH',
        json: { auth: { type: 'bearer', token: `edited-${i}` } },
      }),
    );
    const [report, ...edited] = await Promise.all([
      rotateSecrets(new SealedSecretsRepository(pool), new SecretBox(newKey, [oldKey])),
      ...edits,
    ]);
    for (const res of edited) expect(res.status).toBe(200);
    expect(report.unreadable).toEqual([]);
    expect(report.busy).toEqual([]);
    expect(report.rotated.channels).toBe(1);
    // Each old-key row is re-sealed by the rotation or by an edit that won the race; new-key rows are skipped.
    expect(report.rotated.integrations + report.current).toBe(INTEGRATIONS + 1);
    expect(report.current).toBeGreaterThanOrEqual(1);

    // Afterwards the new key alone opens every stored secret, and the old one none.
    const onlyNew = new SecretBox(newKey);
    const onlyOld = new SecretBox(oldKey);
    for (const sealed of [...(await sealedRows('integrations')), ...(await sealedRows('channels'))]) {
      expect(onlyNew.isCurrent(sealed)).toBe(true);
      expect(() => onlyNew.open(sealed)).not.toThrow();
      expect(() => onlyOld.open(sealed)).toThrow(SecretBoxError);
    }

    // A monitor on the new key alone probes with the right credentials: edited ones and rotated ones.
    const after = await startMonitor({ ENCRYPTION_KEY: newKey.toString('hex') }, before);
    try {
      expect(await probedToken(after, ids[3]!)).toBe('Bearer edited-3');
      expect(await probedToken(after, ids[INTEGRATIONS - 1]!)).toBe(`Bearer tok-${INTEGRATIONS - 1}`);
      expect(await probedToken(after, createdDuring)).toBe(`Bearer tok-${INTEGRATIONS}`);
    } finally {
      await after.close();
    }

    // A second run finds nothing left to do.
    const again = await rotateSecrets(new SealedSecretsRepository(pool), new SecretBox(newKey, [oldKey]));
    expect(again.rotated).toEqual({ integrations: 0, channels: 0 });
    expect(again.current).toBe(INTEGRATIONS + 2);
  });

  it('leaves a secret no key opens as it is, and names it', async () => {
    const stranger = new SecretBox(randomBytes(32));
    const { rows } = await pool.query<{ id: string }>(`UPDATE channels SET secrets = $1 RETURNING id`, [
      stranger.seal({ secret: 'x' }),
    ]);
    const report = await rotateSecrets(new SealedSecretsRepository(pool), new SecretBox(newKey, [oldKey]));
    expect(report.unreadable).toEqual([{ table: 'channels', id: rows[0]!.id }]);
    const [left] = await sealedRows('channels');
    expect(stranger.open(left!)).toEqual({ secret: 'x' });
  });
});
