import type { WebhookIntegrationDefinition } from '@ihm/contracts';

/** A receiver's settings stay this long in memory: an edit reaches every API process within it. */
export const RECEIVER_TTL_MS = 5000;

type Entry = { value: Promise<WebhookIntegrationDefinition | null>; expiresAt: number };

/**
 * Webhook integrations' definitions (secrets opened), by id, for a few seconds: a delivery must not wait on the
 * database, and thousands a second for one integration read it once. Concurrent misses share one load.
 */
export class ReceiverCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (id: string) => Promise<WebhookIntegrationDefinition | null>,
    private readonly maxEntries = 50_000,
  ) {}

  get(id: string, now = Date.now()): Promise<WebhookIntegrationDefinition | null> {
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > now) return cached.value;
    const value = this.load(id);
    this.entries.set(id, { value, expiresAt: now + RECEIVER_TTL_MS });
    // A failed load is not kept: the next delivery tries again.
    value.catch(() => this.entries.delete(id));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
