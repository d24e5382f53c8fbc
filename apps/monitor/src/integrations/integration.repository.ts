import type { ListIntegrationsQuery } from '@ihm/contracts';
import { Prisma, PrismaClient, type Integration as IntegrationRow } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { MonitorError } from '../common/monitor-error';
import { firstDueAt } from '../scheduler/schedule';
import { randomUUID } from 'node:crypto';

type RowData = Omit<Prisma.IntegrationCreateInput, 'results'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class IntegrationRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Creates the integration with its schedule: its first run spread over its interval. */
  async create(data: RowData): Promise<IntegrationRow> {
    const id = randomUUID();
    const nextDueAt = firstDueAt(id, data.intervalSeconds ?? 60, new Date());
    return this.prisma.integration
      .create({ data: { ...data, id, schedule: { create: { nextDueAt } } } })
      .catch(translateUniqueName);
  }

  async findByIds(ids: string[]): Promise<IntegrationRow[]> {
    return this.prisma.integration.findMany({ where: { id: { in: ids } } });
  }

  async findById(id: string): Promise<IntegrationRow | null> {
    if (!UUID.test(id)) return null;
    return this.prisma.integration.findUnique({ where: { id } });
  }

  async list(query: ListIntegrationsQuery): Promise<{ rows: IntegrationRow[]; total: number }> {
    const where: Prisma.IntegrationWhereInput = {
      ...(query.search ? { name: { contains: query.search, mode: 'insensitive' } } : {}),
      ...(query.tag ? { tags: { has: query.tag } } : {}),
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.integration.findMany({
        where,
        orderBy: { name: 'asc' },
        skip: query.offset,
        take: query.limit,
      }),
      this.prisma.integration.count({ where }),
    ]);
    return { rows, total };
  }

  async update(id: string, data: RowData): Promise<IntegrationRow | null> {
    return this.prisma.integration
      .update({ where: { id }, data })
      .catch((error: unknown) => (isNotFound(error) ? null : translateUniqueName(error)));
  }

  /** True when a row was deleted. Its results go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const { count } = await this.prisma.integration.deleteMany({ where: { id } });
    return count > 0;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

function translateUniqueName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new MonitorError('INTEGRATION_NAME_TAKEN', 'An integration with this name already exists', [
      { field: 'name', message: 'is already used by another integration' },
    ]);
  }
  throw error;
}
