import { probeHttp, type ProbeOptions, type ProbeTarget } from './http.prober';
import type { HttpObservation } from './http-observation';
import type { OutboundPolicy } from './outbound-guard';
import type { ProbeThreads } from './probe-threads';

export type Prober = (target: ProbeTarget, options?: ProbeOptions) => Promise<HttpObservation>;

/**
 * Every probe kind behind one function type, each bound to the outbound policy; a new protocol is a new file and
 * one entry here. With `threads`, http probes run on that many worker threads (ProbeThreads), else in this one.
 */
export const probersFor = (outbound: OutboundPolicy, threads: ProbeThreads | null = null) =>
  ({
    http: threads ? threads.probe : (target, options) => probeHttp(target, { ...options, outbound }),
  }) as const satisfies Record<string, Prober>;

export type Probers = ReturnType<typeof probersFor>;
