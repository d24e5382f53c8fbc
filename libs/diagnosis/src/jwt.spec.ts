import { readJwtExpiry } from './jwt';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(readJwtExpiry.name, () => {
  it.each<[string, string, Date | null]>([
    [
      'a JWT with exp',
      `${encode({ alg: 'HS256' })}.${encode({ exp: 1_800_000_000 })}.sig`,
      new Date(1_800_000_000_000),
    ],
    ['a JWT without exp', `${encode({ alg: 'HS256' })}.${encode({ sub: 'x' })}.sig`, null],
    ['an opaque token', 'ghp_abcdef123456', null],
    ['three parts that are not JSON', 'a.b.c', null],
  ])('%s', (_label, token, expected) => {
    expect(readJwtExpiry(token)).toEqual(expected);
  });
});
