import { overviewHref, overviewParams } from './overview-params';

describe(overviewParams.name, () => {
  it.each([
    [
      { q: 'billing', status: 'down' },
      { q: 'billing', status: 'down' },
    ],
    [{ status: 'broken', group: 'authentication' }, { group: 'authentication' }],
    [{ group: 'rate_limiting', paused: 'yes' }, { group: 'rate_limiting' }],
    [{ q: ['first', 'second'] }, { q: 'first' }],
    [{ q: '   ', tag: 'payments' }, { tag: 'payments' }],
    [{ unknown: 'x' }, {}],
  ])('%p keeps %p', (search, expected) => {
    expect(overviewParams(search)).toEqual(expected);
  });
});

describe(overviewHref.name, () => {
  it('changes one filter, keeps the others and drops the page cursor', () => {
    expect(overviewHref({ q: 'pay', cursor: 'abc' }, { status: 'down' })).toBe('/?q=pay&status=down');
  });

  it('removes a filter set to nothing, and is the bare overview when none is left', () => {
    expect(overviewHref({ group: 'not_found' }, { group: undefined })).toBe('/');
  });

  it('keeps a cursor that is part of the change', () => {
    expect(overviewHref({ tag: 'a b' }, { cursor: 'next' })).toBe('/?tag=a+b&cursor=next');
  });
});
