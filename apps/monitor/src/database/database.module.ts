import { createPrismaClient, PrismaClient } from '@ihm/db';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

/** The monitor's only PrismaClient; repositories inject it by its class. */
@Global()
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
