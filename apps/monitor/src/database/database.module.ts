import { createPool, createPrismaClient, Pool, PrismaClient } from '@ihm/db';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

/**
 * The monitor's only PrismaClient and the node-postgres pool it runs on. A module whose repositories query imports
 * this module, and only repositories inject them (lint enforces that only *.repository.ts files import @ihm/db or
 * pg). Prisma for everything; the pool directly only for reads too large for Prisma's per-value conversion.
 *
 * Global for one reason: Nest stops modules by how deep they are imported, the shallowest first, and global ones
 * after all others. So the connections close only after every module that writes at shutdown (the results, the
 * alert evaluations, the learned response shapes) has written; imported at its depth, they closed before some.
 */
@Global()
@Module({
  providers: [
    {
      provide: Pool,
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => createPool({ connectionString: config.databaseUrl }),
    },
    {
      provide: PrismaClient,
      inject: [Pool],
      useFactory: (pool: Pool) => createPrismaClient({ pool }),
    },
  ],
  exports: [PrismaClient, Pool],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
    if (!this.pool.ending) await this.pool.end();
  }
}
