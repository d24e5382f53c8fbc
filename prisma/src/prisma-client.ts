import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client';

export interface PrismaClientOptions {
  connectionString: string;
  /** Pool size of the pg driver. */
  max?: number;
}

/** The only way the project builds a PrismaClient: Prisma 7 on node-postgres. */
export function createPrismaClient({ connectionString, max = 10 }: PrismaClientOptions): PrismaClient {
  // A bounded connect timeout: a database that went away must fail fast, not hang the writers.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5000 }),
  });
}
