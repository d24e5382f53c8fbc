/** How many delivery ids one process remembers, across integrations: about 50 MiB at the most. */
const CAPACITY = 200_000;

/**
 * The delivery ids this process received recently, to tell a provider's retry or a replay from a new delivery.
 * Bounded: the oldest are forgotten first (a Map keeps insertion order).
 */
export class RecentDeliveryIds {
  private readonly seen = new Map<string, Date>();

  constructor(private readonly capacity = CAPACITY) {}

  /** Records the id; returns when it was first received if it was already known. */
  remember(integrationId: string, deliveryId: string, at: Date): Date | null {
    const key = `${integrationId}\u0000${deliveryId}`;
    const first = this.seen.get(key);
    if (first) return first;
    this.seen.set(key, at);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return null;
  }
}
