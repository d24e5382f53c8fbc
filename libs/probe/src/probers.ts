import { probeHttp, type ProbeOptions, type ProbeTarget } from './http.prober';
import type { HttpObservation } from './http-observation';

export type Prober = (target: ProbeTarget, options?: ProbeOptions) => Promise<HttpObservation>;

/** Every probe kind behind one function type; a new protocol is a new file and one entry here. */
export const probers = { http: probeHttp } as const satisfies Record<string, Prober>;

export type Probers = typeof probers;
