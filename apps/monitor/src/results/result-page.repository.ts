import type { Evidence } from '@ihm/contracts';
import type { SchemaIssue } from '@ihm/diagnosis';
import { PrismaClient, type ProbeResult as ProbeResultRow } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { CheckResult } from '../pipeline/check-result';

export interface ResultPage {
  items: CheckResult[];
  nextCursor: string | null;
}

@Injectable()
export class ResultPageRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Newest first; the cursor is `<startedAt ms>_<id>` of the last row of the previous page. */
  async page(integrationId: string, limit: number, cursor: string | null): Promise<ResultPage> {
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
      items: items.map(fromResultRow),
      nextCursor: rows.length > limit && last ? `${last.startedAt.getTime()}_${last.id}` : null,
    };
  }
}

type StoredTls = { subject: string | null; issuer: string | null; validTo: string | null };

/** A stored result row as a result again. */
export function fromResultRow(row: ProbeResultRow): CheckResult {
  const rateLimited =
    row.rateLimitLimit !== null ||
    row.rateLimitRemaining !== null ||
    row.rateLimitResetAt !== null ||
    row.retryAfterSeconds !== null;
  const tls = row.tls as StoredTls | null;
  return {
    startedAt: row.startedAt,
    status: row.status,
    category: row.category,
    httpStatus: row.httpStatus,
    message: row.message,
    troubleshooting: row.troubleshooting,
    timings: {
      dnsMs: row.dnsMs,
      connectMs: row.connectMs,
      tlsMs: row.tlsMs,
      ttfbMs: row.ttfbMs,
      totalMs: row.totalMs,
    },
    rateLimit: rateLimited
      ? {
          limit: row.rateLimitLimit,
          remaining: row.rateLimitRemaining,
          resetAt: row.rateLimitResetAt,
          retryAfterSeconds: row.retryAfterSeconds,
          resource: null,
        }
      : null,
    schemaErrors: row.schemaErrors as unknown as SchemaIssue[],
    tls: tls && { ...tls, validTo: tls.validTo ? new Date(tls.validTo) : null },
    tokenExpiresAt: row.tokenExpiresAt,
    evidence: row.evidence as Evidence | null,
  };
}
