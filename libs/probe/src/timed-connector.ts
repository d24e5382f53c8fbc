import { lookup as dnsLookup } from 'node:dns';
import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import { guardedConnector, type LookupCallback, type LookupFunction } from './outbound-connector';
import type { OutboundPolicy } from './outbound-guard';
import type { PhaseClock } from './phase-clock';
import { sharedSecureContext } from './secure-contexts';

export interface TlsOptions {
  /** Extra trusted CA certificates (PEM), for APIs behind a private CA. */
  ca?: string | Buffer | (string | Buffer)[];
  /** Mutual TLS: the client certificate chain and key (PEM) presented to the server, and the key's passphrase. */
  cert?: string;
  key?: string;
  passphrase?: string;
}

/**
 * An undici connector that times DNS, TCP connect and the TLS handshake of a fresh connection, and keeps the
 * peer certificate. The result's phases come from here. Every address passes the outbound guard.
 */
export function timedConnector(
  clock: PhaseClock,
  timeoutMs: number,
  policy: OutboundPolicy,
  tls: TlsOptions = {},
): buildConnector.connector {
  const timedLookup: LookupFunction = (hostname, options, callback) => {
    const started = performance.now();
    dnsLookup(hostname, options, ((error, address, family) => {
      clock.lookupDone(performance.now() - started);
      callback(error, address, family);
    }) as LookupCallback);
  };
  return (options, callback) => {
    const started = performance.now();
    const secure = options.protocol === 'https:';
    let secureContext: SecureContext | undefined;
    try {
      if (secure) secureContext = sharedSecureContext(tls);
    } catch (error) {
      callback(error as Error, null);
      return;
    }
    const connector = guardedConnector(
      policy,
      { timeout: timeoutMs, ...(secureContext ? { secureContext } : {}) } as buildConnector.BuildOptions,
      timedLookup,
    );
    // Typed as void, but undici's connector returns the socket it opens (none when the guard refused).
    const socket = connector(options, callback) as unknown as Socket | undefined;
    socket?.on('error', (error) => clock.socketFailed(error));
    socket?.once('connect', () => {
      const connectedAt = performance.now();
      clock.connected(started, secure);
      if (secure) socket.once('secureConnect', () => clock.secured(socket as TLSSocket, connectedAt));
    });
    return socket;
  };
}
