import { contentSecurityPolicy, newNonce } from './content-security-policy';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d]));

describe(contentSecurityPolicy.name, () => {
  const production = { nonce: 'abc+/=', development: false, https: false };

  it('runs scripts only with the nonce, and frames nowhere', () => {
    const policy = directives(contentSecurityPolicy(production));
    expect(policy.get('script-src')).toBe("script-src 'self' 'nonce-abc+/=' 'strict-dynamic'");
    expect(policy.get('style-src-elem')).toBe("style-src-elem 'self' 'nonce-abc+/='");
    expect(policy.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(policy.get('object-src')).toBe("object-src 'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('allows eval and style elements without the nonce only in development', () => {
    const policy = directives(contentSecurityPolicy({ ...production, development: true }));
    expect(policy.get('script-src')).toBe("script-src 'self' 'nonce-abc+/=' 'strict-dynamic' 'unsafe-eval'");
    expect(policy.get('style-src-elem')).toBe("style-src-elem 'self' 'unsafe-inline'");
  });

  it('upgrades requests only over HTTPS', () => {
    expect(contentSecurityPolicy({ ...production, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe(newNonce.name, () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
