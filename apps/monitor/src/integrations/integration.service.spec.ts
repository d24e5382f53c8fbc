import { PUBLIC_ONLY } from '@ihm/probe';
import {
  HttpDefinitionSchema,
  MASKED_SECRET,
  UpdateIntegrationRequestSchema,
  type HttpIntegrationRequest,
  type UpdateIntegrationRequest,
} from '@ihm/contracts';
import { httpOnly } from '../../test/http-only';
import { randomUUID } from 'node:crypto';
import { MonitorError } from '../common/monitor-error';
import type { AlertCloser } from '../alerting/evaluation/alert-closer.service';
import type { RuntimeConfig } from '../config/runtime-config';
import { SecretBox } from '../security/secret-box';
import type { IntegrationRepository } from './integration.repository';
import { IntegrationService } from './integration.service';
import type { IntegrationWrite, StoredIntegration } from './stored-integration';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const UNKNOWN_ID = '0b7c2a8e-0000-4000-8000-000000000000';

/**
 * IntegrationRepository's contract in memory: it gives ids and times, refuses a name in use as the real one
 * translates the unique index, answers null or false for an unknown id, and hands out copies.
 */
class InMemoryIntegrationRepository implements Pick<IntegrationRepository, keyof IntegrationRepository> {
  readonly stored = new Map<string, StoredIntegration>();
  private writes = 0;

  async create(
    write: IntegrationWrite,
    _registeredLastMinute: number,
    managedBy: string | null = null,
  ): Promise<StoredIntegration> {
    this.refuseTakenName(write.masked.name, null);
    const at = this.nextWriteAt();
    const row = { ...structuredClone(write), id: randomUUID(), managedBy, createdAt: at, updatedAt: at };
    this.stored.set(row.id, row);
    return structuredClone(row);
  }

  async findById(id: string): Promise<StoredIntegration | null> {
    const row = this.stored.get(id);
    return row ? structuredClone(row) : null;
  }

  async findByIds(ids: string[]): Promise<StoredIntegration[]> {
    return ids.flatMap((id) => {
      const row = this.stored.get(id);
      return row ? [structuredClone(row)] : [];
    });
  }

  async list(): Promise<{ rows: StoredIntegration[]; total: number }> {
    const rows = await this.all();
    return { rows, total: rows.length };
  }

  async all(): Promise<StoredIntegration[]> {
    const rows = [...this.stored.values()].sort((a, b) => a.masked.name.localeCompare(b.masked.name));
    return structuredClone(rows);
  }

  async update(
    id: string,
    write: IntegrationWrite,
    managedBy: string | null = null,
  ): Promise<StoredIntegration | null> {
    const row = this.stored.get(id);
    if (!row) return null;
    this.refuseTakenName(write.masked.name, id);
    const updated = { ...row, ...structuredClone(write), managedBy, updatedAt: this.nextWriteAt() };
    this.stored.set(id, updated);
    return structuredClone(updated);
  }

  async delete(id: string): Promise<boolean> {
    return this.stored.delete(id);
  }

  private refuseTakenName(name: string, exceptId: string | null): void {
    for (const row of this.stored.values()) {
      if (row.masked.name === name && row.id !== exceptId) {
        throw new MonitorError('INTEGRATION_NAME_TAKEN', 'An integration with this name already exists', [
          { field: 'name', message: 'is already used by another integration' },
        ]);
      }
    }
  }

  private nextWriteAt(): Date {
    this.writes += 1;
    return new Date(Date.parse('2026-11-25T10:00:00.000Z') + this.writes * 1000);
  }
}

const definition = (fields: Partial<HttpIntegrationRequest> = {}) =>
  HttpDefinitionSchema.parse({
    name: 'Orders API',
    url: 'https://api.example.com/v1/orders',
    auth: { type: 'bearer', token: 'tok-SECRET-1' },
    headers: { Accept: 'application/json', 'X-Api-Key': 'key-SECRET-2' },
    intervalSeconds: 30,
    timeoutMs: 5_000,
    tags: ['orders'],
    ...fields,
  });

/** A PATCH body as the controller hands it on: checked field by field, cross-field rules left to the service. */
const patch = (fields: UpdateIntegrationRequest) => UpdateIntegrationRequestSchema.parse(fields);

function setup() {
  const repository = new InMemoryIntegrationRepository();
  // The integrations whose alerts were closed, in order: before their deletion.
  const closed: string[] = [];
  const alerts = {
    integrationDeleted: async (id: string) => void closed.push(`${id}:${repository.stored.has(id)}`),
  } as unknown as AlertCloser;
  const serviceWith = (encryptionKey: Buffer) =>
    new IntegrationService(repository as unknown as IntegrationRepository, alerts, {
      encryptionKey,
      env: { outbound: PUBLIC_ONLY },
    } as RuntimeConfig);
  return { repository, closed, service: serviceWith(KEY), serviceWith };
}

describe(IntegrationService.name, () => {
  describe('create', () => {
    it('seals the secrets apart from the definition and answers with them masked', async () => {
      const { repository, service } = setup();
      const created = httpOnly(await service.create(definition()));
      expect(created.auth).toEqual({ type: 'bearer', token: MASKED_SECRET });
      expect(created.headers).toEqual({ Accept: 'application/json', 'X-Api-Key': MASKED_SECRET });

      const row = repository.stored.get(created.id)!;
      expect(JSON.stringify(row.masked)).not.toContain('SECRET');
      expect(new SecretBox(KEY).open(row.sealedSecrets!)).toEqual({
        auth: { token: 'tok-SECRET-1' },
        clientCertificate: {},
        headers: { 'X-Api-Key': 'key-SECRET-2' },
        query: {},
        signing: {},
        webhook: {},
        body: {},
      });
    });

    it('seals nothing for a definition without secrets', async () => {
      const { repository, service } = setup();
      const created = await service.create(
        definition({ auth: { type: 'none' }, headers: { Accept: 'application/json' } }),
      );
      expect(repository.stored.get(created.id)?.sealedSecrets).toBeNull();
    });

    it('refuses a masked secret, which has no stored value to stand for, and stores nothing', async () => {
      const { repository, service } = setup();
      const masked = definition({
        auth: { type: 'bearer', token: MASKED_SECRET },
        headers: { 'X-Api-Key': MASKED_SECRET },
      });
      await expect(service.create(masked)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'auth.token', message: expect.any(String) },
          { field: 'headers.X-Api-Key', message: expect.any(String) },
        ],
      });
      expect(repository.stored.size).toBe(0);
    });

    it.each([
      ['http://169.254.169.254/latest/meta-data/', 'url', /cloud metadata address/],
      [
        'http://10.0.0.5:8080/health',
        'url',
        /10\.0\.0\.5 is a private \(RFC 1918\) address; set ALLOWED_TARGET_CIDRS/,
      ],
      ['http://[::ffff:127.0.0.1]/', 'url', /127\.0\.0\.1\) is a loopback address/],
      ['http://0x7f.1/', 'url', /127\.0\.0\.1 is a loopback address/],
      ['http://metadata.google.internal/computeMetadata/v1/', 'url', /cloud metadata host name/],
    ])(
      'refuses %s, an address the outbound guard refuses, as a field error, and stores nothing',
      async (url, field, message) => {
        const { repository, service } = setup();
        await expect(service.create(definition({ url }))).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field, message: expect.stringMatching(message) }],
        });
        expect(repository.stored.size).toBe(0);
      },
    );

    it('refuses an OAuth2 token URL on a refused address, and takes a name (checked when it resolves)', async () => {
      const { repository, service } = setup();
      const oauth = (tokenUrl: string) =>
        definition({
          auth: { type: 'oauth2ClientCredentials', tokenUrl, clientId: 'id', clientSecret: 's3cret' },
        });
      await expect(service.create(oauth('http://192.168.1.10/token'))).rejects.toMatchObject({
        details: [{ field: 'auth.tokenUrl', message: expect.stringMatching(/192\.168\.1\.10 is a private/) }],
      });
      expect(repository.stored.size).toBe(0);
      await service.create(oauth('https://auth.internal.example.com/token'));
      expect(repository.stored.size).toBe(1);
    });

    it('answers name taken for a name in use', async () => {
      const { repository, service } = setup();
      await service.create(definition());
      await expect(service.create(definition({ url: 'https://other.example.com/' }))).rejects.toMatchObject({
        code: 'INTEGRATION_NAME_TAKEN',
        details: [{ field: 'name', message: 'is already used by another integration' }],
      });
      expect(repository.stored.size).toBe(1);
    });
  });

  describe('reading', () => {
    it('shows a stored integration masked, and gives its definition with the secrets only for probing', async () => {
      const { service } = setup();
      const created = await service.create(definition());
      expect(await service.get(created.id)).toEqual(created);
      expect(await service.getDefinition(created.id)).toEqual(definition());
    });

    it('lists the stored integrations masked, with their total', async () => {
      const { service } = setup();
      await service.create(definition());
      await service.create(definition({ name: 'Billing API' }));
      const list = await service.list({ limit: 100, offset: 0 });
      expect(list.total).toBe(2);
      expect(list.items.map((item) => item.name)).toEqual(['Billing API', 'Orders API']);
      expect(JSON.stringify(list)).not.toContain('SECRET');
    });

    it('gives the definitions of several integrations, leaving out ids that no longer exist', async () => {
      const { service } = setup();
      const { id } = await service.create(definition());
      const definitions = await service.getDefinitions([id, UNKNOWN_ID]);
      expect([...definitions.keys()]).toEqual([id]);
      expect(httpOnly(definitions.get(id)!).auth).toEqual({ type: 'bearer', token: 'tok-SECRET-1' });
    });

    it('reports secrets sealed under another key as unreadable; the masked view needs no key', async () => {
      const { service, serviceWith } = setup();
      const created = await service.create(definition());
      const rekeyed = serviceWith(OTHER_KEY);
      await expect(rekeyed.getDefinition(created.id)).rejects.toMatchObject({ code: 'SECRETS_UNREADABLE' });
      await expect(rekeyed.get(created.id)).resolves.toEqual(created);
    });
  });

  describe('update', () => {
    it('merges the change into the stored definition', async () => {
      const { service } = setup();
      const { id } = await service.create(definition());
      const updated = await service.update(id, patch({ paused: true, tags: ['orders', 'eu'] }));
      expect(updated).toMatchObject({
        name: 'Orders API',
        paused: true,
        tags: ['orders', 'eu'],
        timeoutMs: 5_000,
      });
      expect(await service.getDefinition(id)).toEqual({
        ...definition(),
        paused: true,
        tags: ['orders', 'eu'],
      });
    });

    it('keeps the stored secrets where the update sends the masks back', async () => {
      const { service } = setup();
      const { id } = await service.create(definition());
      await service.update(
        id,
        patch({
          auth: { type: 'bearer', token: MASKED_SECRET },
          headers: { Accept: 'application/json', 'X-Api-Key': MASKED_SECRET },
          timeoutMs: 8_000,
        }),
      );
      expect(await service.getDefinition(id)).toEqual(definition({ timeoutMs: 8_000 }));
    });

    it('replaces a secret the update types again', async () => {
      const { service } = setup();
      const { id } = await service.create(definition());
      await service.update(id, patch({ auth: { type: 'bearer', token: 'tok-NEW' } }));
      expect(await service.getDefinition(id)).toEqual(
        definition({ auth: { type: 'bearer', token: 'tok-NEW' } }),
      );
    });

    it.each<[string, UpdateIntegrationRequest, { field: string; message: string }[]]>([
      [
        'a mask under another auth type',
        { auth: { type: 'basic', username: 'me', password: MASKED_SECRET } },
        [
          {
            field: 'auth.password',
            message: 'enter the secret: the stored one belongs to another auth type',
          },
        ],
      ],
      [
        'a mask for a header with no stored value',
        { headers: { 'X-Session-Token': MASKED_SECRET } },
        [{ field: 'headers.X-Session-Token', message: 'enter the header value: none is stored for it' }],
      ],
      [
        'a mask sent with a URL on another origin',
        { url: 'https://collector.example.net/', auth: { type: 'bearer', token: MASKED_SECRET } },
        [
          {
            field: 'auth.token',
            message:
              'enter the secret again: the stored one is not sent to a new origin (https://collector.example.net)',
          },
          {
            field: 'headers.X-Api-Key',
            message:
              'enter the secret again: the stored one is not sent to a new origin (https://collector.example.net)',
          },
        ],
      ],
      [
        'a URL moved to another origin alone, while secrets are stored',
        { url: 'https://collector.example.net/' },
        [
          {
            field: 'auth.token',
            message:
              'enter the secret again: the stored one is not sent to a new origin (https://collector.example.net)',
          },
          {
            field: 'headers.X-Api-Key',
            message:
              'enter the secret again: the stored one is not sent to a new origin (https://collector.example.net)',
          },
        ],
      ],
      [
        'a timeout the stored interval cannot hold',
        { timeoutMs: 40_000 },
        [{ field: 'timeoutMs', message: 'timeoutMs must not exceed the interval (30000 ms)' }],
      ],
      [
        'an interval shorter than the stored timeout',
        { intervalSeconds: 10 },
        [{ field: 'timeoutMs', message: 'timeoutMs must not exceed the interval (10000 ms)' }],
      ],
      [
        'a body on the stored GET',
        { body: '{"q":1}' },
        [{ field: 'body', message: 'a GET request cannot have a body' }],
      ],
    ])('refuses %s, and keeps what is stored', async (_label, fields, errors) => {
      const { repository, service } = setup();
      const { id } = await service.create(definition({ timeoutMs: 20_000 }));
      const before = structuredClone(repository.stored.get(id));
      const refusal = service.update(id, patch(fields));
      await expect(refusal).rejects.toBeInstanceOf(MonitorError);
      await expect(refusal).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: errors });
      expect(repository.stored.get(id)).toEqual(before);
    });

    it('answers name taken when renamed to a name in use', async () => {
      const { service } = setup();
      await service.create(definition({ name: 'Billing API' }));
      const { id } = await service.create(definition());
      await expect(service.update(id, patch({ name: 'Billing API' }))).rejects.toMatchObject({
        code: 'INTEGRATION_NAME_TAKEN',
      });
      expect((await service.get(id)).name).toBe('Orders API');
    });

    it('answers not found when the integration is deleted while the update is checked', async () => {
      const { repository, service } = setup();
      const { id } = await service.create(definition());
      const update = repository.update.bind(repository);
      repository.update = async (target, write) => {
        await repository.delete(target);
        return update(target, write);
      };
      await expect(service.update(id, patch({ paused: true }))).rejects.toMatchObject({
        code: 'INTEGRATION_NOT_FOUND',
      });
    });
  });

  describe('dry runs of a definition', () => {
    it('take the stored secrets of the integration being edited where the form sends masks', async () => {
      const { service } = setup();
      const created = httpOnly(await service.create(definition()));
      const edited = definition({ auth: created.auth, headers: created.headers, timeoutMs: 2_000 });
      expect(await service.withStoredSecrets(edited, created.id)).toEqual(definition({ timeoutMs: 2_000 }));
    });

    it('refuse masks without an integration to take the secrets from', async () => {
      const { service } = setup();
      const masked = definition({ auth: { type: 'bearer', token: MASKED_SECRET }, headers: {} });
      await expect(service.withStoredSecrets(masked, null)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'auth.token', message: expect.any(String) }],
      });
      await expect(service.withStoredSecrets(definition(), null)).resolves.toEqual(definition());
    });
  });

  it.each<[string, (service: IntegrationService) => Promise<unknown>]>([
    ['get', (service) => service.get(UNKNOWN_ID)],
    ['getDefinition', (service) => service.getDefinition(UNKNOWN_ID)],
    ['update', (service) => service.update(UNKNOWN_ID, patch({ paused: true }))],
    ['remove', (service) => service.remove(UNKNOWN_ID)],
    ['withStoredSecrets', (service) => service.withStoredSecrets(definition(), UNKNOWN_ID)],
  ])('%s answers not found for an id nothing is stored under', async (_label, call) => {
    const { service } = setup();
    await service.create(definition());
    await expect(call(service)).rejects.toMatchObject({
      code: 'INTEGRATION_NOT_FOUND',
      message: `No integration with id ${UNKNOWN_ID}`,
    });
  });

  it('removes an integration, its alerts closed while it still exists', async () => {
    const { repository, closed, service } = setup();
    const { id } = await service.create(definition());
    await service.remove(id);
    expect(closed).toEqual([`${id}:true`]);
    expect(repository.stored.has(id)).toBe(false);
    await expect(service.get(id)).rejects.toMatchObject({ code: 'INTEGRATION_NOT_FOUND' });
  });
});
