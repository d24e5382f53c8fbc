import type { ProbeResult } from '@ihm/contracts';
import { probeHttp, type ProbeOptions, type ProbeTarget } from './http.prober';

export type Prober = (target: ProbeTarget, options?: ProbeOptions) => Promise<ProbeResult>;

/** Every probe kind behind one function type; a new protocol is a new file and one entry here. */
export const probers = { http: probeHttp } as const satisfies Record<string, Prober>;
