import { CredentialCache } from './credential-cache';

describe(CredentialCache.name, () => {
  const expiresAt = new Date(1_000_000);

  it('keeps an entry for its time to live', () => {
    const cache = new CredentialCache<Date>(10_000);
    cache.set('a', expiresAt, expiresAt, 0);
    expect(cache.get('a', 9_999)).toEqual(expiresAt);
    expect(cache.get('a', 10_000)).toBeNull();
  });

  it('never keeps an entry past its session expiry', () => {
    const cache = new CredentialCache<Date>(10_000);
    cache.set('a', new Date(5_000), new Date(5_000), 0);
    expect(cache.get('a', 4_999)).toEqual(new Date(5_000));
    expect(cache.get('a', 5_000)).toBeNull();
  });

  it('keeps a credential without expiry for its time to live', () => {
    const cache = new CredentialCache<string>(10_000);
    cache.set('a', 'editor', null, 0);
    expect(cache.get('a', 9_999)).toBe('editor');
    expect(cache.get('a', 10_000)).toBeNull();
  });

  it('forgets the entries a predicate picks', () => {
    const cache = new CredentialCache<{ id: string }>(10_000);
    cache.set('hash-1', { id: 'a' }, null, 0);
    cache.set('hash-2', { id: 'b' }, null, 0);
    cache.deleteWhere((value) => value.id === 'a');
    expect(cache.get('hash-1', 1)).toBeNull();
    expect(cache.get('hash-2', 1)).toEqual({ id: 'b' });
  });

  it('forgets a deleted entry at once', () => {
    const cache = new CredentialCache<Date>(10_000);
    cache.set('a', expiresAt, expiresAt, 0);
    cache.delete('a');
    expect(cache.get('a', 1)).toBeNull();
    expect(cache.get('b', 1)).toBeNull();
  });
});
