import { PrismaClient, readMigrations } from '@ihm/db';
import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';

@Public()
@Controller()
export class HealthController {
  private readonly migrationNames = readMigrations().then((migrations) => migrations.map((m) => m.name));

  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** The process is up. */
  @Get('health')
  @HttpCode(HttpStatus.OK)
  health() {
    return { status: 'ok' };
  }

  /** The database answers and every migration is applied. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    try {
      const rows = await this.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const applied = new Set(rows.map((row) => row.migration_name));
      const pending = (await this.migrationNames).filter((name) => !applied.has(name));
      if (pending.length === 0) return { status: 'ready' };
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'not_ready', reason: `migrations not applied: ${pending.join(', ')}` };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'not_ready', reason: 'database unreachable' };
    }
  }
}
