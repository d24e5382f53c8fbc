import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedSecureContext } from './secure-contexts';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'tls', name), 'utf8');

describe(sharedSecureContext.name, () => {
  it('shares one context between probes with the same settings, and keeps settings apart', () => {
    const ca = fixture('ca.pem');
    expect(sharedSecureContext({ ca })).toBe(sharedSecureContext({ ca: Buffer.from(ca) }));
    expect(sharedSecureContext({})).toBe(sharedSecureContext({}));
    expect(sharedSecureContext({ ca })).not.toBe(sharedSecureContext({}));
    const client = { cert: fixture('client.pem'), key: fixture('client.key') };
    expect(sharedSecureContext({ ca, ...client })).not.toBe(sharedSecureContext({ ca }));
    expect(sharedSecureContext({ ca, ...client })).toBe(sharedSecureContext({ ca, ...client }));
  });

  it('throws for a key that does not open, as a connection would', () => {
    expect(() =>
      sharedSecureContext({
        cert: fixture('client.pem'),
        key: fixture('client-encrypted.key'),
        passphrase: 'wrong',
      }),
    ).toThrow();
  });
});
