import { gunzipSync } from 'node:zlib';
import { encodePart, negotiateEncoding } from './content-encoding';

describe(negotiateEncoding.name, () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'gzip'],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['deflate, br', 'identity'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe(encodePart.name, () => {
  it('leaves identity parts as they are', async () => {
    const part = Buffer.from('a 1\n');
    expect(await encodePart(part, 'identity')).toBe(part);
  });

  it('makes gzip members that concatenate into one stream', async () => {
    const parts = ['# TYPE a gauge\n', 'a{x="1"} 1\n'.repeat(1000), 'a{x="2"} 0\n'].map((p) =>
      Buffer.from(p),
    );
    const members = await Promise.all(parts.map((part) => encodePart(part, 'gzip')));
    expect(gunzipSync(Buffer.concat(members)).toString()).toBe(Buffer.concat(parts).toString());
    expect(members[1]!.length).toBeLessThan(parts[1]!.length / 10);
  });
});
