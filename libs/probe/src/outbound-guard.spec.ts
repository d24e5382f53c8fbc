import {
  checkOutboundAddress,
  checkOutboundHost,
  outboundPolicy,
  PUBLIC_ONLY,
  type OutboundPolicy,
} from './outbound-guard';

const PRIVATE_ALLOWED = outboundPolicy(true, []);

describe(checkOutboundAddress.name, () => {
  // [address, refused by default with this in the reason (null: allowed), allowed with ALLOW_PRIVATE_TARGETS]
  const table: [string, string | null, boolean][] = [
    ['93.184.215.14', null, true],
    ['8.8.8.8', null, true],
    ['2606:4700:4700::1111', null, true],
    ['::ffff:8.8.8.8', null, true],
    // loopback, private, shared: ALLOW_PRIVATE_TARGETS allows them
    ['127.0.0.1', 'a loopback address', true],
    ['127.255.255.254', 'a loopback address', true],
    ['::1', 'a loopback address', true],
    ['10.0.0.5', '10.0.0.5 is a private (RFC 1918) address; set ALLOWED_TARGET_CIDRS', true],
    ['172.16.0.1', 'private', true],
    ['172.31.255.255', 'private', true],
    ['192.168.1.1', 'private', true],
    ['100.64.0.1', 'shared (carrier-grade NAT', true],
    ['fd12:3456::1', 'private (unique local)', true],
    ['fec0::1', 'site-local', true],
    // link-local, metadata, multicast, reserved, unspecified: only ALLOWED_TARGET_CIDRS
    ['169.254.1.1', 'a link-local address', false],
    ['fe80::1', 'a link-local address', false],
    ['169.254.169.254', 'cloud metadata address', false],
    ['169.254.170.2', 'cloud metadata address', false],
    ['100.100.100.200', 'cloud metadata address', false],
    ['fd00:ec2::254', 'cloud metadata address', false],
    ['224.0.0.1', 'multicast', false],
    ['ff02::1', 'multicast', false],
    ['240.0.0.1', 'reserved', false],
    ['255.255.255.255', 'reserved', false],
    ['192.0.2.10', 'documentation', false],
    ['198.18.0.1', 'benchmarking', false],
    ['2001:db8::1', 'documentation', false],
    ['100::1', 'discard', false],
    ['2001:0::1', 'Teredo', false],
    ['3fff::1', null, true],
    ['4000::1', 'outside global unicast', false],
    ['0.0.0.0', 'unspecified', false],
    ['0.1.2.3', 'unspecified', false],
    ['::', 'unspecified', false],
    // IPv6 forms with IPv4 inside are judged by the IPv4 address
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1 (127.0.0.1) is a loopback', true],
    ['::ffff:7f00:1', 'loopback', true],
    ['::ffff:169.254.169.254', 'cloud metadata', false],
    ['::ffff:10.1.2.3', 'private', true],
    ['64:ff9b::a00:1', 'private', true],
    ['2002:a9fe:a9fe::1', 'cloud metadata', false],
    ['::10.0.0.1', 'private', true],
    // IPv4 in every notation
    ['2130706433', 'loopback', true],
    ['0x7f000001', 'loopback', true],
    ['0177.0.0.1', 'loopback', true],
    ['0x7f.1', 'loopback', true],
    ['127.1', 'loopback', true],
    ['0xa9.0xfe.0xa9.0xfe', 'cloud metadata', false],
    ['[::1]', 'loopback', true],
    ['fe80::1%eth0', 'link-local', false],
    ['not-an-address', 'not an IP address', false],
  ];

  it.each(table)('%s', (address, refusal, privateAllowed) => {
    const verdict = checkOutboundAddress(address, PUBLIC_ONLY);
    if (refusal === null) expect(verdict).toEqual({ allowed: true });
    else expect(verdict).toMatchObject({ allowed: false, reason: expect.stringContaining(refusal) });
    expect(checkOutboundAddress(address, PRIVATE_ALLOWED).allowed).toBe(privateAllowed);
  });

  it('allows what ALLOWED_TARGET_CIDRS lists, of any range, and nothing else', () => {
    const policy = outboundPolicy(false, [
      '10.20.0.0/16',
      'fe80::/10',
      '240.0.0.0/4',
      '::ffff:192.168.0.0/112',
    ]);
    expect(checkOutboundAddress('10.20.3.4', policy).allowed).toBe(true);
    expect(checkOutboundAddress('::ffff:10.20.3.4', policy).allowed).toBe(true);
    expect(checkOutboundAddress('10.21.0.1', policy).allowed).toBe(false);
    expect(checkOutboundAddress('fe80::1', policy).allowed).toBe(true);
    expect(checkOutboundAddress('240.1.2.3', policy).allowed).toBe(true);
    expect(checkOutboundAddress('192.168.7.7', policy).allowed).toBe(true);
    expect(checkOutboundAddress('127.0.0.1', policy).allowed).toBe(false);
  });

  it('keeps metadata addresses refused unless one is named alone', () => {
    const wide: OutboundPolicy = outboundPolicy(true, ['169.254.0.0/16', '100.64.0.0/10', 'fd00::/8']);
    expect(checkOutboundAddress('169.254.169.254', wide).allowed).toBe(false);
    expect(checkOutboundAddress('100.100.100.200', wide).allowed).toBe(false);
    expect(checkOutboundAddress('fd00:ec2::254', wide).allowed).toBe(false);
    expect(checkOutboundAddress('169.254.1.1', wide).allowed).toBe(true);
    const named = outboundPolicy(false, ['169.254.169.254', 'fd00:ec2::254/128']);
    expect(checkOutboundAddress('169.254.169.254', named).allowed).toBe(true);
    expect(checkOutboundAddress('::ffff:169.254.169.254', named).allowed).toBe(true);
    expect(checkOutboundAddress('fd00:ec2::254', named).allowed).toBe(true);
  });
});

describe(outboundPolicy.name, () => {
  it('names an entry that is not an address or CIDR', () => {
    expect(() => outboundPolicy(false, ['10.0.0.0/8', 'intranet'])).toThrow(
      /"intranet" is not an IP address or CIDR/,
    );
    expect(() => outboundPolicy(false, ['10.0.0.0/33'])).toThrow(/10\.0\.0\.0\/33/);
  });
});

describe(checkOutboundHost.name, () => {
  it('refuses metadata host names before any lookup, checks literals, leaves names to connect time', () => {
    expect(checkOutboundHost('metadata.google.internal', PUBLIC_ONLY)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('cloud metadata host name'),
    });
    expect(checkOutboundHost('METADATA.GOOGLE.INTERNAL.', PRIVATE_ALLOWED)?.allowed).toBe(false);
    expect(checkOutboundHost('169.254.169.254', PUBLIC_ONLY)?.allowed).toBe(false);
    expect(checkOutboundHost('[::1]', PUBLIC_ONLY)?.allowed).toBe(false);
    expect(checkOutboundHost('[::1]', PRIVATE_ALLOWED)?.allowed).toBe(true);
    expect(checkOutboundHost('api.example.com', PUBLIC_ONLY)).toBeNull();
  });
});
