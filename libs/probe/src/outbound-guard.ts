import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Where the monitor may send requests (probes, OAuth token requests, alert deliveries). By default only public
 * addresses: a monitor that probes what people type must not become a way into the cloud metadata service or
 * the network it runs in.
 */
export interface OutboundPolicy {
  /** ALLOW_PRIVATE_TARGETS: loopback, private (RFC 1918, fc00::/7, fec0::/10) and shared (100.64.0.0/10). */
  allowPrivate: boolean;
  /** ALLOWED_TARGET_CIDRS: any address in them, whatever its range (a metadata address only if named alone). */
  allowedCidrs: readonly (readonly [Address, number])[];
}

export const PUBLIC_ONLY: OutboundPolicy = { allowPrivate: false, allowedCidrs: [] };

/** A policy from its settings; throws for a list entry that is not an address or CIDR, naming it. */
export function outboundPolicy(allowPrivate: boolean, cidrs: readonly string[]): OutboundPolicy {
  return {
    allowPrivate,
    allowedCidrs: cidrs.map((entry) => {
      const text = entry.trim();
      if (ipaddr.isValidCIDR(text)) {
        const [network, bits] = ipaddr.parseCIDR(text);
        // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are compared in their IPv4 form.
        if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
          return [(network as ipaddr.IPv6).toIPv4Address(), bits - 96] as const;
        return [network, bits] as const;
      }
      if (ipaddr.isValid(text)) {
        const address = unmapped(ipaddr.parse(text));
        return [address, address.kind() === 'ipv4' ? 32 : 128] as const;
      }
      throw new Error(`"${text}" is not an IP address or CIDR (e.g. 10.20.0.0/16, fd12::/48)`);
    }),
  };
}

type RangeKind = 'loopback' | 'private' | 'shared' | 'link-local' | 'multicast' | 'reserved' | 'unspecified';

interface Range {
  cidr: readonly [Address, number];
  kind: RangeKind;
  /** How a refusal names it: "a private address". */
  label: string;
}

const range = (cidr: string, kind: RangeKind, label: string): Range => ({
  cidr: ipaddr.parseCIDR(cidr),
  kind,
  label,
});

/** Special-purpose ranges (IANA's IPv4 and IPv6 special-purpose registries), most specific first. */
const RANGES: readonly Range[] = [
  range('0.0.0.0/8', 'unspecified', 'an unspecified ("this network")'),
  range('10.0.0.0/8', 'private', 'a private (RFC 1918)'),
  range('100.64.0.0/10', 'shared', 'a shared (carrier-grade NAT, RFC 6598)'),
  range('127.0.0.0/8', 'loopback', 'a loopback'),
  range('169.254.0.0/16', 'link-local', 'a link-local'),
  range('172.16.0.0/12', 'private', 'a private (RFC 1918)'),
  range('192.0.0.0/24', 'reserved', 'a reserved (IETF protocol assignments)'),
  range('192.0.2.0/24', 'reserved', 'a reserved (documentation)'),
  range('192.88.99.0/24', 'reserved', 'a reserved (6to4 relay)'),
  range('192.168.0.0/16', 'private', 'a private (RFC 1918)'),
  range('198.18.0.0/15', 'reserved', 'a reserved (benchmarking)'),
  range('198.51.100.0/24', 'reserved', 'a reserved (documentation)'),
  range('203.0.113.0/24', 'reserved', 'a reserved (documentation)'),
  range('224.0.0.0/4', 'multicast', 'a multicast'),
  range('240.0.0.0/4', 'reserved', 'a reserved (including broadcast)'),
  range('::/128', 'unspecified', 'an unspecified'),
  range('::1/128', 'loopback', 'a loopback'),
  range('64:ff9b:1::/48', 'reserved', 'a reserved (local-use NAT64)'),
  range('100::/64', 'reserved', 'a reserved (discard-only)'),
  range('2001::/23', 'reserved', 'a reserved (IETF protocol assignments, Teredo)'),
  range('2001:db8::/32', 'reserved', 'a reserved (documentation)'),
  range('fc00::/7', 'private', 'a private (unique local)'),
  range('fe80::/10', 'link-local', 'a link-local'),
  range('fec0::/10', 'private', 'a private (site-local)'),
  range('ff00::/8', 'multicast', 'a multicast'),
];

/** Only 2000::/3 is global unicast; the rest of IPv6 is special or unassigned. */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** Cloud instance metadata services: refused even where their range is allowed, unless named alone. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254', // AWS, GCP, Azure, DigitalOcean, OpenStack…
  '169.254.170.2', // AWS ECS task metadata
  '169.254.170.23', // AWS EKS pod identity
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud
  'fd00:ec2::254', // AWS over IPv6
  'fd00:ec2::23', // AWS EKS pod identity over IPv6
]);

/** Host names of metadata services, refused before any lookup. */
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
]);

const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** The IPv4 address an IPv6 form carries (mapped, compatible, NAT64, 6to4), or the address itself. */
function unmapped(address: Address): Address {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const bytes = v6.toByteArray();
  if (v6.match(NAT64) || (v6.match(IPV4_COMPATIBLE) && !isLoopbackOrUnspecified(v6)))
    return ipaddr.fromByteArray(bytes.slice(12)) as ipaddr.IPv4;
  if (v6.match(SIX_TO_FOUR)) return ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4;
  return address;
}

const isLoopbackOrUnspecified = (v6: ipaddr.IPv6) => {
  const text = v6.toNormalizedString();
  return text === '0:0:0:0:0:0:0:1' || text === '0:0:0:0:0:0:0:0';
};

const contains = ([network, bits]: readonly [Address, number], address: Address) =>
  network.kind() === address.kind() && address.match(network, bits);

export type OutboundVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** "10.0.0.5 is a private (RFC 1918) address; set ALLOWED_TARGET_CIDRS … to allow it" */
      reason: string;
      /** The same for a name that resolved to it: "api.internal resolves to 10.0.0.5, a private …". */
      resolvedFrom(hostname: string): string;
    };

function refused(address: string, what: string, remedy: string): OutboundVerdict {
  return {
    allowed: false,
    reason: `${address} is ${what}; ${remedy}`,
    resolvedFrom: (hostname) => `${hostname} resolves to ${address}, ${what}; ${remedy}`,
  };
}

const ALLOWED: OutboundVerdict = { allowed: true };

/**
 * Whether the monitor may connect to this IP address, in any notation ipaddr.js reads (IPv4 in decimal, octal,
 * hex or short forms; IPv6 with IPv4 inside). Refusals say why and which setting allows it.
 */
export function checkOutboundAddress(text: string, policy: OutboundPolicy): OutboundVerdict {
  const literal = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(literal))
    return refused(text, 'not an IP address', 'give an IP address or a host name');
  const address = unmapped(ipaddr.parse(literal));
  const shown = address.toString() === literal ? literal : `${literal} (${address.toString()})`;
  const single = address.kind() === 'ipv4' ? 32 : 128;
  if (METADATA_ADDRESSES.has(address.toString())) {
    const named = policy.allowedCidrs.some(
      ([network, bits]) => bits === single && contains([network, bits], address),
    );
    return named
      ? ALLOWED
      : refused(
          shown,
          'a cloud metadata address',
          `refused unless ALLOWED_TARGET_CIDRS names it (${address.toString()}/${single})`,
        );
  }
  const special =
    RANGES.find(({ cidr }) => contains(cidr, address)) ??
    (address.kind() === 'ipv6' && !contains(GLOBAL_UNICAST, address)
      ? { kind: 'reserved' as const, label: 'a reserved (outside global unicast)' }
      : undefined);
  if (!special) return ALLOWED;
  if (policy.allowedCidrs.some((cidr) => contains(cidr, address))) return ALLOWED;
  const privateKind = special.kind === 'loopback' || special.kind === 'private' || special.kind === 'shared';
  if (privateKind && policy.allowPrivate) return ALLOWED;
  const remedy = privateKind
    ? 'set ALLOWED_TARGET_CIDRS (or ALLOW_PRIVATE_TARGETS=true) to allow it'
    : 'set ALLOWED_TARGET_CIDRS to allow it';
  return refused(shown, `${special.label} address`, remedy);
}

/**
 * A URL's host before any lookup: a metadata host name is refused, a literal address is checked; any other
 * name is checked when it resolves, at connect time (`null` here).
 */
export function checkOutboundHost(hostname: string, policy: OutboundPolicy): OutboundVerdict | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (METADATA_HOSTS.has(host))
    return refused(hostname, 'a cloud metadata host name', 'metadata services are never probed');
  const literal = host.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(literal) ? checkOutboundAddress(literal, policy) : null;
}

/** What a refused connection fails with: the probe's result says the reason. */
export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';

  constructor(reason: string) {
    super(`refused by the outbound guard: ${reason}`);
    this.name = 'OutboundRefusedError';
  }
}
