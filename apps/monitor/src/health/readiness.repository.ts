import { PrismaClient, readMigrations } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

@Injectable()
export class ReadinessRepository {
  private readonly shipped = readMigrations().then((migrations) => migrations.map((m) => m.name));

  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Names of the migrations this build ships, in order. */
  shippedMigrations(): Promise<string[]> {
    return this.shipped;
  }

  /** Names of the migrations recorded as applied (Prisma Migrate's table). Rejects when the database is down. */
  async appliedMigrations(): Promise<Set<string>> {
    const rows = await this.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((row) => row.migration_name));
  }
}
