export const SESSION_CACHE_MS = 10_000;

/**
 * Sessions recently found valid, keyed by token hash (hex), so that every API call does not read the database.
 * An entry lives for `ttlMs` at most and never past its session's expiry.
 */
export class SessionCache {
  private readonly entries = new Map<string, { expiresAt: Date; until: number }>();

  constructor(private readonly ttlMs = SESSION_CACHE_MS) {}

  /** The session's expiry, or null when it is not cached (any more). */
  get(key: string, now: number): Date | null {
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.expiresAt;
    this.entries.delete(key);
    return null;
  }

  set(key: string, expiresAt: Date, now: number): void {
    for (const [other, entry] of this.entries) if (entry.until <= now) this.entries.delete(other);
    this.entries.set(key, { expiresAt, until: Math.min(now + this.ttlMs, expiresAt.getTime()) });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
