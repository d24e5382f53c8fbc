import { createPrismaClient, PrismaClient } from '@ihm/db';
import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

/**
 * The monitor's only PrismaClient. Not global: a module whose repositories query imports this module, and only
 * repositories inject the client (lint enforces that only *.repository.ts files import @ihm/db).
 */
@Module({
  providers: [
    {
      provide: PrismaClient,
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => createPrismaClient({ connectionString: config.databaseUrl }),
    },
  ],
  exports: [PrismaClient],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
