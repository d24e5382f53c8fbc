import { ProbeThreads } from '@ihm/probe';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

/**
 * The threads probes run on: PROBE_THREADS, by default one per core in a process that schedules probes (ROLE=all
 * or worker), none in an API process (its probes are the few that people start: they run in its event loop).
 */
@Injectable()
export class ProbeThreadPool implements OnApplicationShutdown {
  readonly threads: ProbeThreads | null;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    const { probeThreads, role, outbound } = config.env;
    const size = probeThreads ?? (role === 'api' ? 0 : availableParallelism());
    this.threads = size > 0 ? new ProbeThreads(size, outbound) : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.threads?.close();
  }
}
