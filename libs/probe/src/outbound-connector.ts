import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import {
  checkOutboundAddress,
  checkOutboundHost,
  OutboundRefusedError,
  type OutboundPolicy,
} from './outbound-guard';

export type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A DNS lookup that fails when any address the name resolves to is refused by the policy. The socket connects to
 * the address this lookup returns, so a name that resolves differently a moment later (DNS rebinding) is checked
 * again then, never trusted from an earlier check.
 */
export function guardedLookup(policy: OutboundPolicy, lookup: LookupFunction = dnsLookup): LookupFunction {
  return (hostname, options, callback) =>
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = typeof address === 'string' ? [address] : address.map((entry) => entry.address);
      for (const candidate of addresses) {
        const verdict = checkOutboundAddress(candidate, policy);
        if (!verdict.allowed) {
          const reason = candidate === hostname ? verdict.reason : verdict.resolvedFrom(hostname);
          return callback(new OutboundRefusedError(reason), address, family);
        }
      }
      callback(null, address, family);
    });
}

/**
 * An undici connector that refuses metadata host names and literal addresses before connecting (Node skips the
 * lookup for a literal) and checks every resolved address through `guardedLookup`.
 */
export function guardedConnector(
  policy: OutboundPolicy,
  options: buildConnector.BuildOptions = {},
  lookup: LookupFunction = dnsLookup,
): buildConnector.connector {
  const connect = buildConnector({
    ...options,
    lookup: guardedLookup(policy, lookup),
  } as buildConnector.BuildOptions);
  return (target, callback) => {
    const verdict = checkOutboundHost(target.hostname, policy);
    if (verdict && !verdict.allowed) {
      queueMicrotask(() => callback(new OutboundRefusedError(verdict.reason), null));
      return;
    }
    return connect(target, callback);
  };
}

/** An undici dispatcher whose every connection passes the outbound guard: for OAuth token requests and alerts. */
export const outboundAgent = (policy: OutboundPolicy) => new Agent({ connect: guardedConnector(policy) });

/**
 * The address to connect to for a host, checked by the guard: for clients that take an address rather than a
 * connector (SMTP). Connecting to this address, not the name, leaves no second lookup to rebind.
 */
export function resolveOutbound(host: string, policy: OutboundPolicy): Promise<string> {
  const verdict = checkOutboundHost(host, policy);
  if (verdict && !verdict.allowed) return Promise.reject(new OutboundRefusedError(verdict.reason));
  return new Promise((resolve, reject) =>
    guardedLookup(policy)(host, {}, (error, address) =>
      error ? reject(error) : resolve(typeof address === 'string' ? address : address[0]!.address),
    ),
  );
}
