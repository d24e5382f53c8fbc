import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from '../tools/find-binary';

/** Upstream's binary name, then Debian's (`prometheus-alertmanager` installs `/usr/bin/prometheus-alertmanager`). */
const BINARIES = ['alertmanager', 'prometheus-alertmanager'];
const READY_WITHIN_MS = 10_000;
const CONFIG = "route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n";

/** A free loopback port: taken by the OS, then released for Alertmanager to listen on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A real Alertmanager on 127.0.0.1, clustering off, routing every alert to a receiver that sends nothing: what an
 * alertmanager channel posts to, queried through its own API.
 */
export class AlertmanagerServer {
  private stderr = '';
  private ended: string | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly process: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    // A binary that cannot be started emits `error` and never `exit`.
    this.exited = new Promise((resolve) => {
      process.once('exit', (code, signal) => {
        this.ended = `exited with ${code ?? signal}`;
        resolve();
      });
      process.once('error', (error) => {
        this.ended = `could not be started: ${error.message}`;
        resolve();
      });
    });
  }

  static async start(): Promise<AlertmanagerServer> {
    const binary = findBinary('ALERTMANAGER_BIN', BINARIES, 'prometheus-alertmanager');
    const dir = await mkdtemp(join(tmpdir(), 'ihm-alertmanager-'));
    const config = join(dir, 'alertmanager.yml');
    await writeFile(config, CONFIG);
    const port = await freePort();
    const child = spawn(
      binary,
      [
        `--config.file=${config}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const server = new AlertmanagerServer(child, dir, `http://127.0.0.1:${port}`);
    try {
      await server.ready();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** `GET /api/v2/alerts` with these query parameters, as Alertmanager lists them. */
  async alerts(query = ''): Promise<unknown[]> {
    const response = await fetch(`${this.url}/api/v2/alerts${query}`);
    if (!response.ok) throw new Error(`Alertmanager answered ${response.status}`);
    return (await response.json()) as unknown[];
  }

  async stop(): Promise<void> {
    if (this.ended === null) this.process.kill('SIGTERM');
    await this.exited;
    await rm(this.dir, { recursive: true, force: true });
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (this.ended !== null) throw new Error(`Alertmanager ${this.ended}:\n${this.stderr}`);
      const ready = await fetch(`${this.url}/-/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Alertmanager was not ready within ${READY_WITHIN_MS} ms:\n${this.stderr}`);
  }
}
