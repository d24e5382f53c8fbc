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
}

const COLUMNS = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
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

  async list(): Promise<StoredApiToken[]> {
    return (await this.prisma.apiToken.findMany({
      select: COLUMNS,
      orderBy: { createdAt: 'desc' },
    })) as StoredApiToken[];
  }

  async findByHash(tokenHash: SessionTokenHash): Promise<StoredApiToken | null> {
    return (await this.prisma.apiToken.findUnique({
      where: { tokenHash },
      select: COLUMNS,
    })) as StoredApiToken | null;
  }

  /** Whether a token was there to revoke. */
  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.prisma.apiToken.deleteMany({ where: { id } })).count > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }
}
