import type {
  Auth,
  ClientCertificate,
  HttpMethod,
  IntegrationDefinition,
  ListIntegrationsQuery,
  Signing,
  WebhookReceiver,
} from '@ihm/contracts';
import { Prisma, PrismaClient, type Integration as IntegrationRow } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { MonitorError } from '../common/monitor-error';
import { isUuid } from '../common/is-uuid';
import { isRecordMissing, isUniqueViolation } from '../database/prisma-errors';
import { firstDueAt, firstSilenceCheckAt } from '../scheduler/schedule';
import { randomUUID } from 'node:crypto';
import type { IntegrationWrite, StoredIntegration } from './stored-integration';

type RowData = Omit<Prisma.IntegrationCreateInput, 'results'>;

const json = (value: object | null): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);

/** The columns of one kind; the other kind's are null (the table's CHECK constraint holds this). */
function kindColumns(masked: IntegrationDefinition) {
  if (masked.kind === 'webhook')
    return {
      kind: 'webhook',
      url: null,
      method: null,
      headers: {},
      body: null,
      authType: 'none',
      authConfig: { type: 'none' },
      clientCertificate: Prisma.DbNull,
      signing: Prisma.DbNull,
      webhook: json(masked.webhook),
    } as const;
  return {
    kind: 'http',
    url: masked.url,
    method: masked.method,
    headers: masked.headers,
    body: masked.body,
    authType: masked.auth.type,
    authConfig: masked.auth,
    clientCertificate: json(masked.clientCertificate),
    signing: json(masked.signing),
    webhook: Prisma.DbNull,
    expectedStatus: masked.expectedStatus,
    responseSchema: json(masked.responseSchema),
    intervalSeconds: masked.intervalSeconds,
    timeoutMs: masked.timeoutMs,
    latencyThresholdMs: masked.latencyThresholdMs,
    rateLimitWarnPercent: masked.rateLimitWarnPercent,
    tokenExpiryWarnDays: masked.tokenExpiryWarnDays,
    certificateExpiryWarnDays: masked.certificateExpiryWarnDays,
  } as const;
}

function toRowData({ masked, sealedSecrets }: IntegrationWrite, managedBy: string | null): RowData {
  return {
    name: masked.name,
    ...kindColumns(masked),
    secrets: sealedSecrets,
    paused: masked.paused,
    tags: masked.tags,
    managedBy,
  };
}

function maskedOf(row: IntegrationRow): IntegrationDefinition {
  const common = { name: row.name, paused: row.paused, tags: row.tags };
  if (row.kind === 'webhook') return { kind: 'webhook', ...common, webhook: row.webhook as WebhookReceiver };
  return {
    kind: 'http',
    ...common,
    url: row.url ?? '',
    method: row.method as HttpMethod,
    headers: row.headers as Record<string, string>,
    body: row.body,
    auth: row.authConfig as Auth,
    clientCertificate: (row.clientCertificate as ClientCertificate | null) ?? null,
    signing: (row.signing as Signing | null) ?? null,
    expectedStatus: row.expectedStatus,
    responseSchema: (row.responseSchema as Record<string, unknown> | null) ?? null,
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    latencyThresholdMs: row.latencyThresholdMs,
    rateLimitWarnPercent: row.rateLimitWarnPercent,
    tokenExpiryWarnDays: row.tokenExpiryWarnDays,
    certificateExpiryWarnDays: row.certificateExpiryWarnDays,
  };
}

function fromRow(row: IntegrationRow): StoredIntegration {
  return {
    id: row.id,
    masked: maskedOf(row),
    sealedSecrets: row.secrets,
    managedBy: row.managedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Runs on the app's client or, for a config file's apply, on one transaction (ConfigStateRepository). */
@Injectable()
export class IntegrationRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: Prisma.TransactionClient) {}

  /**
   * Creates the integration with its schedule: an http one's first run within seconds (spread over its interval
   * when it is one of a bulk registration), a webhook one's first silence check at the end of its first window.
   */
  async create(
    write: IntegrationWrite,
    registeredLastMinute: number,
    managedBy: string | null = null,
  ): Promise<StoredIntegration> {
    const id = randomUUID();
    const now = new Date();
    const nextDueAt =
      write.masked.kind === 'webhook'
        ? firstSilenceCheckAt(write.masked.webhook, now)
        : firstDueAt(id, write.masked.intervalSeconds, now, registeredLastMinute);
    const row = await this.prisma.integration
      .create({ data: { ...toRowData(write, managedBy), id, schedule: { create: { nextDueAt } } } })
      .catch(translateUniqueName);
    return fromRow(row);
  }

  async findByIds(ids: string[]): Promise<StoredIntegration[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.integration.findMany({ where: { id: { in: ids } } })).map(fromRow);
  }

  async findById(id: string): Promise<StoredIntegration | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.integration.findUnique({ where: { id } });
    return row && fromRow(row);
  }

  async list(query: ListIntegrationsQuery): Promise<{ rows: StoredIntegration[]; total: number }> {
    const where: Prisma.IntegrationWhereInput = {
      ...(query.search ? { name: { contains: query.search, mode: 'insensitive' } } : {}),
      ...(query.tag ? { tags: { has: query.tag } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.integration.findMany({
        where,
        orderBy: { name: 'asc' },
        skip: query.offset,
        take: query.limit,
      }),
      this.prisma.integration.count({ where }),
    ]);
    return { rows: rows.map(fromRow), total };
  }

  /** Every integration, by name: what a config file's plan compares itself with. */
  async all(): Promise<StoredIntegration[]> {
    return (await this.prisma.integration.findMany({ orderBy: { name: 'asc' } })).map(fromRow);
  }

  async update(
    id: string,
    write: IntegrationWrite,
    managedBy: string | null = null,
  ): Promise<StoredIntegration | null> {
    const row = await this.prisma.integration
      .update({ where: { id }, data: toRowData(write, managedBy) })
      .catch((error: unknown) => (isRecordMissing(error) ? null : translateUniqueName(error)));
    return row && fromRow(row);
  }

  /** True when a row was deleted. Its results go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { count } = await this.prisma.integration.deleteMany({ where: { id } });
    return count > 0;
  }
}

function translateUniqueName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new MonitorError('INTEGRATION_NAME_TAKEN', 'An integration with this name already exists', [
      { field: 'name', message: 'is already used by another integration' },
    ]);
  }
  throw error;
}
