import { detailHref } from './detail-href';

describe(detailHref.name, () => {
  it.each([
    ['3f2a', '24h', undefined, '/integrations/3f2a?window=24h'],
    ['3f2a', '7d', '1764072000000_42', '/integrations/3f2a?window=7d&before=1764072000000_42'],
    ['a/b c', '1h', 'x&y', '/integrations/a%2Fb%20c?window=1h&before=x%26y'],
  ] as const)('%s, %s, %s → %s', (id, window, before, expected) => {
    expect(detailHref(id, window, before)).toBe(expected);
  });
});
