import type { ProbeResultPage } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { toProbeResult } from './probe-result.mapper';

@Injectable()
export class ProbeResultRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Newest first; the cursor is `<startedAt ms>_<id>` of the last row of the previous page. */
  async page(integrationId: string, limit: number, cursor: string | null): Promise<ProbeResultPage> {
    const [ms, id] = cursor ? cursor.split('_') : [];
    const before =
      ms && id
        ? {
            OR: [
              { startedAt: { lt: new Date(Number(ms)) } },
              { startedAt: new Date(Number(ms)), id: { lt: BigInt(id) } },
            ],
          }
        : {};
    const rows = await this.prisma.probeResult.findMany({
      where: { integrationId, ...before },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toProbeResult),
      nextCursor: rows.length > limit && last ? `${last.startedAt.getTime()}_${last.id}` : null,
    };
  }
}
