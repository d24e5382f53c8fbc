import type { Role } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../common/is-uuid';
import type { SessionTokenHash } from './session-token';

export interface StoredApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  userId: string | null;
}

/** A token as the guard checks it: with its owner's role and whether they are disabled. */
export interface CheckedApiToken extends StoredApiToken {
  owner: { role: Role; disabled: boolean } | null;
}

const COLUMNS = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  userId: true,
} as const;

/** API tokens, by the sha256 of the token; the token itself is never stored. */
@Injectable()
export class ApiTokenRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async create(
    token: Omit<StoredApiToken, 'id' | 'createdAt' | 'lastUsedAt'> & { tokenHash: SessionTokenHash },
  ) {
    return (await this.prisma.apiToken.create({ data: token, select: COLUMNS })) as StoredApiToken;
  }

  /** Every token, or one user's (`owner`; null: those made with the bootstrap API_TOKEN). */
  async list(owner?: string | null): Promise<StoredApiToken[]> {
    return (await this.prisma.apiToken.findMany({
      ...(owner === undefined ? {} : { where: { userId: owner } }),
      select: COLUMNS,
      orderBy: { createdAt: 'desc' },
    })) as StoredApiToken[];
  }

  async findByHash(tokenHash: SessionTokenHash): Promise<CheckedApiToken | null> {
    const row = await this.prisma.apiToken.findUnique({
      where: { tokenHash },
      select: { ...COLUMNS, user: { select: { role: true, disabledAt: true } } },
    });
    if (!row) return null;
    const { user, ...token } = row;
    return {
      ...(token as StoredApiToken),
      owner: user ? { role: user.role as Role, disabled: user.disabledAt !== null } : null,
    };
  }

  /** Whether a token (of this owner, when given) was there to revoke. */
  async delete(id: string, owner?: string | null): Promise<boolean> {
    if (!isUuid(id)) return false;
    const where = owner === undefined ? { id } : { id, userId: owner };
    return (await this.prisma.apiToken.deleteMany({ where })).count > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }
}
