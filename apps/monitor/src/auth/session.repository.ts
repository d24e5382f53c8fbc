import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { SessionTokenHash } from './session-token';

/** Dashboard sessions, by the sha256 of their token. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Expired sessions are swept here: only a sign-in adds rows, so the table stays as small as its live sessions. */
  async create(tokenHash: SessionTokenHash, expiresAt: Date, now: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.adminSession.deleteMany({ where: { expiresAt: { lte: now } } }),
      this.prisma.adminSession.create({ data: { tokenHash, expiresAt } }),
    ]);
  }

  async expiresAt(tokenHash: SessionTokenHash): Promise<Date | null> {
    const row = await this.prisma.adminSession.findUnique({
      where: { tokenHash },
      select: { expiresAt: true },
    });
    return row?.expiresAt ?? null;
  }

  async delete(tokenHash: SessionTokenHash): Promise<void> {
    await this.prisma.adminSession.deleteMany({ where: { tokenHash } });
  }
}
