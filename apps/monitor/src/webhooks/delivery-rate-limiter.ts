/**
 * A token bucket per integration: `perSecond` deliveries a second, bursts of ten seconds' worth. Buckets of
 * integrations that went quiet are dropped when the map grows, so it stays bounded.
 */
export class DeliveryRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly maxBuckets = 100_000,
  ) {}

  /** Takes one token; false when the integration is over its rate. */
  take(integrationId: string, now = Date.now()): boolean {
    const burst = this.perSecond * 10;
    const bucket = this.buckets.get(integrationId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(integrationId, bucket);
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    return allowed;
  }
}
