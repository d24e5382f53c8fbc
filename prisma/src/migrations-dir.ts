import { join } from 'node:path';

/** `prisma/migrations`, wherever this package is installed (dist/src → package root). */
export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');
