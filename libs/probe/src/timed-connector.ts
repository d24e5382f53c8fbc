import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import type { PhaseClock } from './phase-clock';

export interface TlsOptions {
  /** Extra trusted CA certificates (PEM), for APIs behind a private CA. */
  ca?: string | Buffer | (string | Buffer)[];
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * An undici connector that times DNS, TCP connect and the TLS handshake of a fresh connection, and keeps the
 * peer certificate. The result's phases come from here.
 */
export function timedConnector(
  clock: PhaseClock,
  timeoutMs: number,
  tls: TlsOptions = {},
): buildConnector.connector {
  const timedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    const started = performance.now();
    dnsLookup(hostname, options, ((
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => {
      clock.lookupDone(performance.now() - started);
      callback(error, address, family);
    }) as LookupCallback);
  };
  const connector = buildConnector({
    timeout: timeoutMs,
    ...(tls.ca ? { ca: tls.ca } : {}),
    lookup: timedLookup,
  } as buildConnector.BuildOptions);
  return (options, callback) => {
    const started = performance.now();
    const secure = options.protocol === 'https:';
    // Typed as void, but undici's connector returns the socket it opens.
    const socket = connector(options, callback) as unknown as Socket;
    socket.once('connect', () => {
      const connectedAt = performance.now();
      clock.connected(started, secure);
      if (secure) socket.once('secureConnect', () => clock.secured(socket as TLSSocket, connectedAt));
    });
    return socket;
  };
}
