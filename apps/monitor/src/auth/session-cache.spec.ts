import { SessionCache } from './session-cache';

describe(SessionCache.name, () => {
  const expiresAt = new Date(1_000_000);

  it('keeps an entry for its time to live', () => {
    const cache = new SessionCache(10_000);
    cache.set('a', expiresAt, 0);
    expect(cache.get('a', 9_999)).toEqual(expiresAt);
    expect(cache.get('a', 10_000)).toBeNull();
  });

  it('never keeps an entry past its session expiry', () => {
    const cache = new SessionCache(10_000);
    cache.set('a', new Date(5_000), 0);
    expect(cache.get('a', 4_999)).toEqual(new Date(5_000));
    expect(cache.get('a', 5_000)).toBeNull();
  });

  it('forgets a deleted entry at once', () => {
    const cache = new SessionCache(10_000);
    cache.set('a', expiresAt, 0);
    cache.delete('a');
    expect(cache.get('a', 1)).toBeNull();
    expect(cache.get('b', 1)).toBeNull();
  });
});
