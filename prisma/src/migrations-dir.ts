import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** This package's root: the folder above us that holds schema.prisma (from src/ when tested, dist/src/ when built). */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'schema.prisma'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`schema.prisma not found above ${from}`);
    dir = parent;
  }
  return dir;
}

/** `prisma/migrations`, wherever this package is installed. */
export const MIGRATIONS_DIR = join(packageRoot(__dirname), 'migrations');
