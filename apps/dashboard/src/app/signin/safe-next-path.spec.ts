import { safeNextPath } from './safe-next-path';

describe(safeNextPath.name, () => {
  it.each([
    ['/integrations/abc', '/integrations/abc'],
    ['/?q=billing', '/?q=billing'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['javascript:alert(1)', '/'],
    ['//evil.example:99999/', '/'],
    ['/integrations/a b#results', '/integrations/a%20b#results'],
    ['', '/'],
    [null, '/'],
  ])('%p → %p', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
