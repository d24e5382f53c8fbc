import type { Role } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { SessionTokenHash } from './session-token';

/** A session as the guard needs it: whose, with what role, until when; null user state when disabled. */
export interface StoredSession {
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: Role; disabled: boolean };
}

/** Dashboard sessions, by the sha256 of their token. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Expired sessions are swept here: only a sign-in adds rows, so the table stays as small as its live sessions. */
  async create(tokenHash: SessionTokenHash, userId: string, expiresAt: Date, now: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.session.deleteMany({ where: { expiresAt: { lte: now } } }),
      this.prisma.session.create({ data: { tokenHash, userId, expiresAt } }),
    ]);
  }

  async find(tokenHash: SessionTokenHash): Promise<StoredSession | null> {
    const row = await this.prisma.session.findUnique({
      where: { tokenHash },
      select: {
        expiresAt: true,
        user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
      },
    });
    if (!row) return null;
    const { disabledAt, ...user } = row.user;
    return {
      expiresAt: row.expiresAt,
      user: { ...user, role: user.role as Role, disabled: disabledAt !== null },
    };
  }

  async delete(tokenHash: SessionTokenHash): Promise<void> {
    await this.prisma.session.deleteMany({ where: { tokenHash } });
  }
}
