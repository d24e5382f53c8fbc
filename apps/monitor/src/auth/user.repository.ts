import type { Role } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../common/is-uuid';
import type { SessionTokenHash } from './session-token';

/** The login of the first admin, the account ADMIN_PASSWORD sets. */
export const FIRST_ADMIN_LOGIN = 'admin';

export interface StoredUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  inviteExpiresAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

const COLUMNS = {
  id: true,
  email: true,
  name: true,
  role: true,
  passwordHash: true,
  inviteExpiresAt: true,
  disabledAt: true,
  createdAt: true,
} as const;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

/** Users; ending a user's sessions is part of disabling them and of changing their password. */
@Injectable()
export class UserRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async list(): Promise<StoredUser[]> {
    return (await this.prisma.user.findMany({
      select: COLUMNS,
      orderBy: { createdAt: 'asc' },
    })) as StoredUser[];
  }

  async findById(id: string): Promise<StoredUser | null> {
    if (!isUuid(id)) return null;
    return (await this.prisma.user.findUnique({ where: { id }, select: COLUMNS })) as StoredUser | null;
  }

  async findByEmail(email: string): Promise<StoredUser | null> {
    return (await this.prisma.user.findUnique({ where: { email }, select: COLUMNS })) as StoredUser | null;
  }

  async findByInvite(inviteHash: SessionTokenHash): Promise<StoredUser | null> {
    return (await this.prisma.user.findUnique({
      where: { inviteHash },
      select: COLUMNS,
    })) as StoredUser | null;
  }

  /** null when the email is taken. */
  async create(user: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string | null;
    inviteHash: SessionTokenHash | null;
    inviteExpiresAt: Date | null;
  }): Promise<StoredUser | null> {
    try {
      return (await this.prisma.user.create({ data: user, select: COLUMNS })) as StoredUser;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async update(
    id: string,
    patch: { name?: string; role?: Role; disabledAt?: Date | null },
  ): Promise<StoredUser> {
    const ops = [this.prisma.user.update({ where: { id }, data: patch, select: COLUMNS })] as const;
    if (patch.disabledAt) {
      const [user] = await this.prisma.$transaction([
        ...ops,
        this.prisma.session.deleteMany({ where: { userId: id } }),
      ]);
      return user as StoredUser;
    }
    return (await ops[0]) as StoredUser;
  }

  /** A new password signs the user out everywhere and clears a pending invitation. */
  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.user.update({
        where: { id },
        data: { passwordHash, inviteHash: null, inviteExpiresAt: null },
      }),
      this.prisma.session.deleteMany({ where: { userId: id } }),
    ]);
  }

  /** Admins who can still sign in: the last one may not be disabled or demoted. */
  async activeAdmins(): Promise<number> {
    return this.prisma.user.count({
      where: { role: 'admin', disabledAt: null, passwordHash: { not: null } },
    });
  }

  /** The first admin: created with this hash if missing (true only for the process that created it). */
  async insertFirstAdminIfMissing(passwordHash: string): Promise<boolean> {
    const { count } = await this.prisma.user.createMany({
      data: [{ email: FIRST_ADMIN_LOGIN, name: 'Admin', role: 'admin', passwordHash }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** ADMIN_PASSWORD: the first admin gets this hash, stays an enabled admin, and is signed out everywhere. */
  async resetFirstAdmin(passwordHash: string): Promise<void> {
    const admin = await this.prisma.user.upsert({
      where: { email: FIRST_ADMIN_LOGIN },
      create: { email: FIRST_ADMIN_LOGIN, name: 'Admin', role: 'admin', passwordHash },
      update: { passwordHash, role: 'admin', disabledAt: null },
    });
    await this.prisma.session.deleteMany({ where: { userId: admin.id } });
  }
}
