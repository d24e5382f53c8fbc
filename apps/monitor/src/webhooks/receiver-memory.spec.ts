import { DeliveryRateLimiter } from './delivery-rate-limiter';
import { ReceiverCache, RECEIVER_TTL_MS } from './receiver-cache';
import { RecentDeliveryIds } from './recent-delivery-ids';

describe(RecentDeliveryIds.name, () => {
  it('tells a repeated id of one integration, not the same id of another, and forgets the oldest first', () => {
    const ids = new RecentDeliveryIds(2);
    const first = new Date('2026-12-01T10:00:00Z');
    expect(ids.remember('a', 'evt_1', first)).toBeNull();
    expect(ids.remember('b', 'evt_1', first)).toBeNull();
    expect(ids.remember('a', 'evt_1', new Date())).toEqual(first);
    expect(ids.remember('a', 'evt_2', first)).toBeNull();
    // Capacity 2: evt_1 of a was the oldest and is forgotten.
    expect(ids.remember('a', 'evt_1', first)).toBeNull();
  });
});

describe(DeliveryRateLimiter.name, () => {
  it('lets a burst of ten seconds through, then the rate, per integration', () => {
    const limiter = new DeliveryRateLimiter(2);
    const at = 1_000_000;
    const burst = Array.from({ length: 21 }, () => limiter.take('a', at));
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(limiter.take('b', at)).toBe(true);
    expect(limiter.take('a', at + 499)).toBe(false);
    expect(limiter.take('a', at + 500)).toBe(true);
  });
});

describe(ReceiverCache.name, () => {
  it('loads once for concurrent deliveries, again after the TTL, and again after a failed load', async () => {
    let loads = 0;
    let fail = false;
    const cache = new ReceiverCache(async () => {
      loads += 1;
      if (fail) throw new Error('database down');
      return null;
    });
    await Promise.all([cache.get('a', 0), cache.get('a', 0), cache.get('a', 10)]);
    expect(loads).toBe(1);
    await cache.get('a', RECEIVER_TTL_MS + 1);
    expect(loads).toBe(2);
    fail = true;
    const later = 2 * RECEIVER_TTL_MS + 2;
    await expect(cache.get('a', later)).rejects.toThrow('database down');
    fail = false;
    await expect(cache.get('a', later)).resolves.toBeNull();
    expect(loads).toBe(4);
  });
});
