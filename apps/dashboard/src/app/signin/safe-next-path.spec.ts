import { safeNextPath } from './safe-next-path';

describe(safeNextPath.name, () => {
  it.each([
    ['/integrations/abc', '/integrations/abc'],
    ['/?q=billing', '/?q=billing'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['', '/'],
    [null, '/'],
  ])('%p → %p', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
