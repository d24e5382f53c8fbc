export const CREDENTIAL_CACHE_MS = 10_000;

/**
 * Sessions and API tokens recently found valid, keyed by token hash (hex), so that every API call does not read
 * the database. An entry lives for `ttlMs` at most (so a revoked token or ended session stops working in every
 * process within that) and never past the credential's own expiry.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly ttlMs = CREDENTIAL_CACHE_MS) {}

  /** The cached value, or null when it is not cached (any more). */
  get(key: string, now: number): T | null {
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.value;
    this.entries.delete(key);
    return null;
  }

  set(key: string, value: T, expiresAt: Date | null, now: number): void {
    for (const [other, entry] of this.entries) if (entry.until <= now) this.entries.delete(other);
    const until = now + this.ttlMs;
    this.entries.set(key, { value, until: expiresAt ? Math.min(until, expiresAt.getTime()) : until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose value matches: a credential revoked by id, whatever token hash it was cached by. */
  deleteWhere(matches: (value: T) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }
}
