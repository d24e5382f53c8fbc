import { deliveryFinding, silenceFinding, type DeliveryFacts } from './webhook-findings';

describe('deliveryFinding', () => {
  const rows: [DeliveryFacts, string, string | null, RegExp][] = [
    [{ verdict: 'accepted', scheme: 'github' }, 'up', null, /^delivery accepted$/],
    [
      { verdict: 'missing_signature', scheme: 'github', header: 'X-Hub-Signature-256' },
      'down',
      'misconfigured_webhook',
      /^no X-Hub-Signature-256 header: GitHub is not signing/,
    ],
    [
      { verdict: 'bad_signature', scheme: 'stripe', header: 'Stripe-Signature' },
      'down',
      'misconfigured_webhook',
      /^signature does not match: the secret configured here differs from Stripe's, or a proxy rewrote the body/,
    ],
    [
      {
        verdict: 'stale_timestamp',
        scheme: 'slack',
        header: 'X-Slack-Request-Timestamp',
        skewSeconds: 412,
        toleranceSeconds: 300,
      },
      'down',
      'misconfigured_webhook',
      /^timestamp is 7 min old, beyond the 5 min tolerance: a replayed delivery, or a clock off by 412 s/,
    ],
    [
      {
        verdict: 'stale_timestamp',
        scheme: 'standard',
        header: 'webhook-timestamp',
        skewSeconds: -900,
        toleranceSeconds: 300,
      },
      'down',
      'misconfigured_webhook',
      /^timestamp is 15 min in the future/,
    ],
    [
      {
        verdict: 'duplicate',
        scheme: 'shopify',
        deliveryId: 'b54557e4',
        firstSeenAt: new Date('2026-12-01T10:00:00Z'),
      },
      'degraded',
      'misconfigured_webhook',
      /^delivery id b54557e4 was already received at 2026-12-01 10:00 UTC: Shopify is retrying/,
    ],
    [
      {
        verdict: 'invalid_payload',
        scheme: 'stripe',
        issues: [
          { path: '/data/object/amount', message: 'must be integer' },
          { path: '/type', message: 'must be string' },
        ],
      },
      'down',
      'misconfigured_webhook',
      /^payload breaks its schema: \/data\/object\/amount must be integer \(and 1 more\)$/,
    ],
    [
      { verdict: 'unreadable', scheme: 'hmac', problem: 'Unexpected token < in JSON at position 0' },
      'down',
      'misconfigured_webhook',
      /^payload is not readable JSON: Unexpected token/,
    ],
    [
      { verdict: 'wrong_content_type', scheme: 'github', contentType: 'application/x-www-form-urlencoded' },
      'down',
      'misconfigured_webhook',
      /^content type is application\/x-www-form-urlencoded, expected application\/json: set GitHub's webhook content type to JSON$/,
    ],
    [
      { verdict: 'too_large', scheme: 'none', bytes: 2_500_000, limitBytes: 1_048_576 },
      'down',
      'misconfigured_webhook',
      /^delivery of 2\.4 MiB exceeds the receiver's 1\.0 MiB limit$/,
    ],
  ];
  it.each(rows)('%j', (facts, status, category, message) => {
    const finding = deliveryFinding(facts);
    expect({ status: finding.status, category: finding.category }).toEqual({ status, category });
    expect(finding.message).toMatch(message);
    if (status !== 'up') expect(finding.steps.length).toBeGreaterThan(0);
  });
});

describe('silenceFinding', () => {
  it('names the silence, the window and the last delivery', () => {
    const finding = silenceFinding({
      silentSeconds: 47 * 60,
      maxSilenceSeconds: 900,
      lastDeliveryAt: new Date('2026-12-01T09:13:00Z'),
      workingHoursOnly: false,
    });
    expect(finding).toMatchObject({ status: 'down', category: 'misconfigured_webhook' });
    expect(finding.message).toBe(
      'no delivery for 47 min, expected every 15 min; last one at 2026-12-01 09:13 UTC',
    );
  });

  it('says when nothing ever arrived, in working hours', () => {
    expect(
      silenceFinding({
        silentSeconds: 1200,
        maxSilenceSeconds: 900,
        lastDeliveryAt: null,
        workingHoursOnly: true,
      }).message,
    ).toBe(
      'no delivery for 20 min of working hours, expected every 15 min of working hours; none received since it was created',
    );
  });
});
