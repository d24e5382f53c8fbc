import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

const ACCOUNT_ID = 1;

/** The single admin row: the scrypt hash of the dashboard's admin password, shared by every API process. */
@Injectable()
export class AdminAccountRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async passwordHash(): Promise<string | null> {
    const row = await this.prisma.adminAccount.findUnique({ where: { id: ACCOUNT_ID } });
    return row?.passwordHash ?? null;
  }

  /** ON CONFLICT DO NOTHING: true only for the one process that created the row. */
  async insertIfMissing(passwordHash: string): Promise<boolean> {
    const { count } = await this.prisma.adminAccount.createMany({
      data: [{ id: ACCOUNT_ID, passwordHash }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** A new password signs every session out. */
  async replacePassword(passwordHash: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.adminAccount.upsert({
        where: { id: ACCOUNT_ID },
        create: { id: ACCOUNT_ID, passwordHash },
        update: { passwordHash },
      }),
      this.prisma.adminSession.deleteMany(),
    ]);
  }
}
