import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A tool the tests start: `envName` when set, else the first of `names` on PATH or in /usr/bin. A missing one is
 * an error that says how to install it, never a skip.
 */
export function findBinary(envName: string, names: readonly string[], debianPackage: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const name of names) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  throw new Error(
    `${names.join(' or ')} is not installed: \`apt-get install -y --no-install-recommends ${debianPackage}\`, ` +
      `or set ${envName} to its binary`,
  );
}
