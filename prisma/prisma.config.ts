import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (`prisma generate`, and `prisma migrate status/deploy` for users who have
// Prisma's engines). The monitor applies migrations itself and never reads this file.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});
