import {
  ErrorBodySchema,
  IntegrationSchema,
  OVERVIEW_GROUPS,
  OverviewSchema,
  SPARKLINE_POINTS,
  type Overview,
  type OverviewItem,
} from '@ihm/contracts';
import type { CheckResult } from '../../src/pipeline/check-result';
import { ResultWriter } from '../../src/results/result-writer.service';
import { checkResult } from '../check-result.fixture';
import { startMonitor, type RunningMonitor } from './monitor-app';

/** name, tags, paused, and the latest result (none: pending). */
const FLEET: Array<[string, string[], boolean, Partial<CheckResult> | null]> = [
  ['Stripe charges', ['payments', 'team-a'], false, { status: 'down', category: 'authentication' }],
  ['adyen', ['payments'], false, { status: 'down', category: 'authentication' }],
  ['GitHub user', ['team-a'], false, { status: 'degraded', category: 'authentication' }],
  ['openai', ['team-b'], false, { status: 'degraded', category: 'rate_limiting' }],
  ['Shopify orders', ['team-b'], true, { status: 'down', category: 'server_error' }],
  ['100% uptime', [], false, { status: 'up' }],
  ['under_score', ['team-a'], false, { status: 'up' }],
  ['underXscore', [], false, { status: 'up' }],
  ['Budget almost gone', ['team-b'], false, { status: 'up', category: 'rate_limiting' }],
  ['slack', ['team-a'], true, { status: 'up' }],
  ['Slack', [], false, { status: 'up' }],
  ['Twilio sms', [], false, null],
  ['mailgun', ['team-b'], true, null],
  ['zendesk', [], false, null],
];

const groupOf = ([, , , result]: (typeof FLEET)[number]) =>
  !result ? 'pending' : result.status === 'up' || !result.category ? 'healthy' : result.category;

describe('GET /api/overview', () => {
  let monitor: RunningMonitor;
  const ids = new Map<string, string>();
  let probedAt: number;

  const overview = async (query = ''): Promise<Overview> => {
    const res = await monitor.call(`/api/overview${query}`);
    expect(res.status).toBe(200);
    return OverviewSchema.parse(await res.json());
  };
  const names = (page: Overview) => page.integrations.map((item) => item.name);

  beforeAll(async () => {
    monitor = await startMonitor();
    for (const [name, tags, paused] of FLEET) {
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name, url: 'http://127.0.0.1:9/health', tags, paused },
      });
      ids.set(name, IntegrationSchema.parse(await res.json()).id);
    }
    probedAt = Date.now();
    await monitor.app.get(ResultWriter).writeNow(
      FLEET.flatMap(([name, , , fields]) =>
        fields
          ? [
              {
                integrationId: ids.get(name)!,
                result: checkResult(new Date(probedAt), {
                  message: 'probe said so',
                  totalMs: 120,
                  ...fields,
                }),
              },
            ]
          : [],
      ),
    );
    // Two minutes earlier, two probes of Stripe: a minute of the sparkline with a median of both.
    await monitor.app.get(ResultWriter).writeNow(
      [30, 60].map((totalMs) => ({
        integrationId: ids.get('Stripe charges')!,
        result: checkResult(new Date(probedAt - 120_000), {
          status: 'up',
          totalMs,
        }),
      })),
    );
  });
  afterAll(() => monitor.close());

  it.each([1, 4])(
    'lists every integration exactly once across pages of %i, by group, then name regardless of case, then id',
    async (limit) => {
      const seen: OverviewItem[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Overview = await overview(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.integrations.length).toBeLessThanOrEqual(limit);
        seen.push(...page.integrations);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);

      expect(pages).toBe(Math.ceil(FLEET.length / limit));
      const key = (entry: (typeof FLEET)[number]) =>
        [OVERVIEW_GROUPS.indexOf(groupOf(entry)), entry[0].toLowerCase(), ids.get(entry[0])!] as const;
      const expected = [...FLEET]
        .sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          return ka[0] - kb[0] || (ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : ka[2] < kb[2] ? -1 : 1);
        })
        .map(([name]) => name);
      expect(seen.map((item) => item.name)).toEqual(expected);
      expect(seen.map((item) => item.group)).toEqual(
        expected.map((name) => groupOf(FLEET.find(([n]) => n === name)!)),
      );
    },
  );

  it('describes each integration with its latest status', async () => {
    const { integrations } = await overview();
    expect(integrations.find((item) => item.name === 'openai')).toMatchObject({
      id: ids.get('openai'),
      status: 'degraded',
      category: 'rate_limiting',
      group: 'rate_limiting',
      tags: ['team-b'],
      paused: false,
      httpStatus: 200,
      message: 'probe said so',
    });
    expect(integrations.find((item) => item.name === 'Budget almost gone')?.group).toBe('healthy');
    expect(integrations.find((item) => item.name === 'zendesk')).toMatchObject({
      status: 'pending',
      category: null,
      group: 'pending',
      lastCheckedAt: null,
    });
  });

  it.each([
    ['q, case-insensitive', '?q=SHOP', ['Shopify orders']],
    ['q with a literal %', '?q=%25', ['100% uptime']],
    ['q with a literal _', '?q=r_s', ['under_score']],
    ['tag', '?tag=payments', ['adyen', 'Stripe charges']],
    ['status down', '?status=down', ['adyen', 'Stripe charges', 'Shopify orders']],
    ['status degraded', '?status=degraded', ['GitHub user', 'openai']],
    ['status pending', '?status=pending', ['mailgun', 'Twilio sms', 'zendesk']],
    ['group', '?group=authentication', ['adyen', 'GitHub user', 'Stripe charges']],
    ['paused', '?paused=true', ['Shopify orders', 'mailgun', 'slack']],
    ['tag and status and not paused', '?tag=team-b&status=up&paused=false', ['Budget almost gone']],
    ['q matching nothing', '?q=nothing-like-this', []],
  ])('filters by %s', async (_label, query, expected) => {
    const page = await overview(query);
    expect(names(page)).toEqual(expected);
    expect(page.matched.total).toBe(expected.length);
    expect(page.nextCursor).toBeNull();
  });

  it('counts every integration whatever the filters, and the matching ones by group', async () => {
    const all = await overview();
    const filtered = await overview('?tag=team-a&limit=1');
    expect(filtered.counts).toEqual(all.counts);
    expect(all.counts).toEqual({
      total: 14,
      byStatus: { up: 6, degraded: 2, down: 3, pending: 3 },
      byCategory: expect.objectContaining({
        authentication: 3,
        rate_limiting: 1,
        server_error: 1,
        not_found: 0,
      }),
    });
    expect(all.matched.total).toBe(14);
    expect(filtered.matched).toEqual({
      total: 4,
      byGroup: Object.fromEntries(
        OVERVIEW_GROUPS.map((group) => [group, group === 'authentication' ? 2 : group === 'healthy' ? 2 : 0]),
      ),
    });
    expect(filtered.integrations).toHaveLength(1);
    expect(filtered.nextCursor).not.toBeNull();
  });

  it('lists the tags in use, sorted, whatever the filters', async () => {
    expect((await overview('?status=pending')).tags).toEqual(['payments', 'team-a', 'team-b']);
  });

  it('draws each integration’s median total latency per minute of the last hour from the rollups', async () => {
    const before = Date.now();
    const { integrations } = await overview();
    const after = Date.now();
    const sparkline = (name: string) => integrations.find((item) => item.name === name)!.latencySparklineMs;
    for (const item of integrations) expect(item.latencySparklineMs).toHaveLength(SPARKLINE_POINTS);

    // Where the minute of the probes sits depends on the minute the request was answered in.
    const indexAt = (answeredAt: number) =>
      SPARKLINE_POINTS - 1 - (Math.floor(answeredAt / 60_000) - Math.floor(probedAt / 60_000));
    const stripe = sparkline('Stripe charges');
    const filled = stripe.flatMap((value, index) => (value === null ? [] : [index]));
    expect(filled).toHaveLength(2);
    expect([indexAt(before), indexAt(after)]).toContain(filled[1]);
    expect(filled[1]! - filled[0]!).toBe(2);
    expect(stripe[filled[1]!]).toBe(120);
    // 30 and 60 ms: the median interpolated in the (20, 50] bucket.
    expect(stripe[filled[0]!]).toBe(50);
    expect(sparkline('zendesk')).toEqual(new Array(SPARKLINE_POINTS).fill(null));
  });

  it.each([
    ['status', '?status=sideways'],
    ['group', '?group=everything'],
    ['paused', '?paused=yes'],
    ['limit', '?limit=0'],
    ['limit', '?limit=501'],
    ['limit', '?limit=ten'],
    ['cursor', '?cursor=not-a-cursor'],
    ['cursor', `?cursor=${Buffer.from('healthy\nnot-a-uuid\nx').toString('base64url')}`],
  ])('answers 400 naming %s for %s', async (field, query) => {
    const res = await monitor.call(`/api/overview${query}`);
    expect(res.status).toBe(400);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.details?.map((detail) => detail.field)).toContain(field);
  });
});
