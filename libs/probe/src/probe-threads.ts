import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HttpObservation } from './http-observation';
import type { ProbeOptions, ProbeTarget } from './http.prober';
import type { OutboundPolicy } from './outbound-guard';
import type { Prober } from './probers';

/** What a probe thread is started with: the outbound policy as its settings (it is rebuilt there). */
export interface ProbeThreadSettings {
  allowPrivate: boolean;
  allowedCidrs: string[];
}

/** The parts of ProbeOptions that cross to a thread (the signal becomes an abort message). */
type ThreadOptions = Pick<ProbeOptions, 'bodyCapBytes' | 'evidenceBodyBytes' | 'tls'>;

export type ProbeThreadMessage =
  { kind: 'probe'; id: number; target: ProbeTarget; options: ThreadOptions } | { kind: 'abort'; id: number };

export type ProbeThreadReply = { id: number; observation: HttpObservation } | { id: number; error: string };

interface Pending {
  resolve: (observation: HttpObservation) => void;
  reject: (error: Error) => void;
  thread: number;
}

/** FNV-1a: a target's thread, so that one integration's OAuth token stays cached in one place. */
function threadOf(key: string, threads: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % threads;
}

/**
 * Probes on `size` worker threads: one event loop cannot open, handshake and parse more than about a thousand
 * connections a second, and the scheduler and the writer need theirs. A target always goes to the same thread. A
 * thread that dies fails its probes in flight (their checks run again) and is started again.
 */
export class ProbeThreads {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closing = false;

  constructor(
    size: number,
    private readonly outbound: OutboundPolicy,
    private readonly threadFile = join(__dirname, 'probe-thread.js'),
  ) {
    for (let i = 0; i < size; i += 1) this.threads.push(this.start(i));
  }

  readonly probe: Prober = (target, options = {}) =>
    new Promise<HttpObservation>((resolve, reject) => {
      const id = (this.nextId += 1);
      const thread = threadOf(target.url, this.threads.length);
      this.pending.set(id, { resolve, reject, thread });
      const { bodyCapBytes, evidenceBodyBytes, tls } = options;
      const message: ProbeThreadMessage = {
        kind: 'probe',
        id,
        target,
        options: {
          ...(bodyCapBytes !== undefined ? { bodyCapBytes } : {}),
          ...(evidenceBodyBytes !== undefined ? { evidenceBodyBytes } : {}),
          ...(tls ? { tls } : {}),
        },
      };
      this.threads[thread]!.postMessage(message);
      const abort = () =>
        this.threads[thread]?.postMessage({ kind: 'abort', id } satisfies ProbeThreadMessage);
      if (options.signal?.aborted) abort();
      else options.signal?.addEventListener('abort', abort, { once: true });
    });

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private start(index: number): Worker {
    const settings: ProbeThreadSettings = {
      allowPrivate: this.outbound.allowPrivate,
      allowedCidrs: this.outbound.allowedCidrs.map(([address, bits]) => `${address.toString()}/${bits}`),
    };
    const thread = new Worker(this.threadFile, { workerData: settings });
    thread.unref();
    thread.on('message', (reply: ProbeThreadReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if ('observation' in reply) pending.resolve(reply.observation);
      else pending.reject(new Error(reply.error));
    });
    thread.on('error', (error) => this.fail(index, error));
    thread.on('exit', (code) => {
      this.fail(index, new Error(`probe thread ${index} exited with ${code}`));
      if (!this.closing) this.threads[index] = this.start(index);
    });
    return thread;
  }

  private fail(index: number, error: Error): void {
    for (const [id, pending] of this.pending)
      if (pending.thread === index) {
        this.pending.delete(id);
        pending.reject(error);
      }
  }
}
