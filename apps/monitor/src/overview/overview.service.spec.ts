import {
  OVERVIEW_GROUPS,
  OverviewQuerySchema,
  OverviewSchema,
  SPARKLINE_POINTS,
  type OverviewQuery,
} from '@ihm/contracts';
import { emptyHistogram, recordLatency, type LatencyHistogram } from '@ihm/diagnosis';
import { randomUUID } from 'node:crypto';
import type { MinuteLatency } from './latency-sparkline';
import type { LatencySparklineRepository } from './latency-sparkline.repository';
import type { GroupCount } from './overview-counts';
import { encodeCursor, type OverviewPosition } from './overview-cursor';
import type {
  ListedIntegration,
  ListedPage,
  OverviewFilters,
  OverviewRepository,
} from './overview.repository';
import { OverviewService } from './overview.service';

const MINUTE = 60_000;

const listed = (name: string, fields: Partial<ListedIntegration> = {}): ListedIntegration => ({
  id: randomUUID(),
  name,
  paused: false,
  tags: [],
  kind: 'http',
  webhookScheme: null,
  status: 'up',
  category: null,
  group: 'healthy',
  message: 'OK (200)',
  httpStatus: 200,
  lastCheckedAt: '2026-11-25T10:00:00.000Z',
  ...fields,
});

const positionOf = (item: ListedIntegration): OverviewPosition => ({
  group: item.group,
  sortName: item.name.toLowerCase(),
  id: item.id,
});

/**
 * OverviewRepository's contract over a list already in overview order: a page is the `limit` items after
 * `after`, with the position of its last item when more follow. Records what it was asked.
 */
class InMemoryOverviewRepository implements Pick<OverviewRepository, keyof OverviewRepository> {
  readonly pages: Array<{ filters: OverviewFilters; after: OverviewPosition | null; limit: number }> = [];
  readonly counted: OverviewFilters[] = [];

  constructor(
    private readonly ordered: ListedIntegration[],
    private readonly counts: GroupCount[] = [],
    private readonly tagsInUse: string[] = [],
  ) {}

  async page(filters: OverviewFilters, after: OverviewPosition | null, limit: number): Promise<ListedPage> {
    this.pages.push({ filters, after, limit });
    const start = after ? this.ordered.findIndex((item) => item.id === after.id) + 1 : 0;
    const items = this.ordered.slice(start, start + limit);
    const more = start + limit < this.ordered.length;
    return { items, next: more ? positionOf(items[items.length - 1]!) : null };
  }

  async groupCounts(filters: OverviewFilters): Promise<GroupCount[]> {
    this.counted.push(filters);
    return this.counts;
  }

  async tags(): Promise<string[]> {
    return this.tagsInUse;
  }
}

const histogramOf = (...latenciesMs: number[]): LatencyHistogram => {
  const histogram = emptyHistogram();
  for (const ms of latenciesMs) recordLatency(histogram, ms);
  return histogram;
};

/** Minute rollups placed relative to the window asked for; answers, like the real one, for the ids asked only. */
class InMemoryLatency implements Pick<LatencySparklineRepository, 'totalLatency'> {
  readonly asked: Array<{ ids: string[]; from: Date; to: Date }> = [];

  constructor(
    private readonly minutes: Array<{ integrationId: string; minute: number; latenciesMs: number[] }>,
  ) {}

  async totalLatency(integrationIds: readonly string[], from: Date, to: Date): Promise<MinuteLatency[]> {
    this.asked.push({ ids: [...integrationIds], from, to });
    return this.minutes
      .filter(({ integrationId }) => integrationIds.includes(integrationId))
      .map(({ integrationId, minute, latenciesMs }) => ({
        integrationId,
        bucketStart: new Date(from.getTime() + minute * MINUTE),
        total: histogramOf(...latenciesMs),
      }));
  }
}

function setup(
  ordered: ListedIntegration[],
  {
    counts = [],
    tags = [],
    minutes = [],
  }: {
    counts?: GroupCount[];
    tags?: string[];
    minutes?: ConstructorParameters<typeof InMemoryLatency>[0];
  } = {},
) {
  const repository = new InMemoryOverviewRepository(ordered, counts, tags);
  const latency = new InMemoryLatency(minutes);
  const service = new OverviewService(
    repository as unknown as OverviewRepository,
    latency as unknown as LatencySparklineRepository,
  );
  return { repository, latency, service };
}

const query = (fields: Record<string, string> = {}): OverviewQuery => OverviewQuerySchema.parse(fields);

describe(OverviewService.name, () => {
  const fleet = [
    listed('adyen', { status: 'down', category: 'authentication', group: 'authentication' }),
    listed('Stripe', { status: 'down', category: 'authentication', group: 'authentication' }),
    listed('Zürich transit', { status: 'pending', group: 'pending', message: null, httpStatus: null }),
    listed('GitHub'),
    listed('slack'),
  ];

  describe('pages', () => {
    it('starts at the first integration without a cursor', async () => {
      const { repository, service } = setup(fleet);
      const page = await service.overview(query({ limit: '2' }));
      expect(page.integrations.map((item) => item.name)).toEqual(['adyen', 'Stripe']);
      expect(repository.pages).toEqual([{ filters: expect.any(Object), after: null, limit: 2 }]);
    });

    it('goes through every integration once with the nextCursor of each page, the last page having none', async () => {
      const { repository, service } = setup(fleet);
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await service.overview(query({ limit: '2', ...(cursor ? { cursor } : {}) }));
        names.push(...page.integrations.map((item) => item.name));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(names).toEqual(fleet.map((item) => item.name));
      expect(repository.pages.map((call) => call.after)).toEqual([
        null,
        positionOf(fleet[1]!),
        positionOf(fleet[3]!),
      ]);
    });

    it('hands the nextCursor of the position the repository says the next page starts after', async () => {
      const { service } = setup(fleet);
      const page = await service.overview(query({ limit: '3' }));
      expect(page.nextCursor).toBe(encodeCursor(positionOf(fleet[2]!)));
    });

    it.each([
      ['not a cursor at all', 'not-a-cursor'],
      ['an id that is not a UUID', Buffer.from('healthy\nnot-a-uuid\nx').toString('base64url')],
      ['an unknown group', Buffer.from(`everything\n${randomUUID()}\nx`).toString('base64url')],
      [
        'a cursor cut short',
        encodeCursor({ group: 'healthy', sortName: 'github', id: randomUUID() }).slice(0, 30),
      ],
    ])('refuses %s as a field error on cursor, reading nothing', async (_label, cursor) => {
      const { repository, latency, service } = setup(fleet);
      await expect(service.overview(query({ cursor }))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'cursor', message: 'cursor must be a nextCursor of an earlier overview page' }],
      });
      expect(repository.pages).toEqual([]);
      expect(repository.counted).toEqual([]);
      expect(latency.asked).toEqual([]);
    });
  });

  describe('sparklines', () => {
    it('reads the minute rollups of the listed integrations only, over the hour ending with the current minute', async () => {
      const { latency, service } = setup(fleet);
      const before = Date.now();
      await service.overview(query({ limit: '2' }));
      const after = Date.now();

      expect(latency.asked).toHaveLength(1);
      const [{ ids, from, to }] = latency.asked as [(typeof latency.asked)[number]];
      expect(ids).toEqual([fleet[0]!.id, fleet[1]!.id]);
      expect(to.getTime() - from.getTime()).toBe(SPARKLINE_POINTS * MINUTE);
      const endOfMinute = (at: number) => (Math.floor(at / MINUTE) + 1) * MINUTE;
      expect([endOfMinute(before), endOfMinute(after)]).toContain(to.getTime());
    });

    it('gives each integration its own line: the median per minute, null where nothing ran', async () => {
      const [stripe, github] = [fleet[1]!, fleet[3]!];
      const { service } = setup(fleet, {
        minutes: [
          { integrationId: stripe.id, minute: 0, latenciesMs: [150] },
          { integrationId: stripe.id, minute: SPARKLINE_POINTS - 1, latenciesMs: [40, 45, 4000] },
        ],
      });
      const { integrations } = await service.overview(query());
      const line = (id: string) => integrations.find((item) => item.id === id)!.latencySparklineMs;

      expect(line(stripe.id)[0]).toBe(150);
      expect(line(stripe.id)[SPARKLINE_POINTS - 1]).toBe(42.5);
      expect(line(stripe.id).slice(1, -1)).toEqual(new Array(SPARKLINE_POINTS - 2).fill(null));
      expect(line(github.id)).toEqual(new Array(SPARKLINE_POINTS).fill(null));
    });
  });

  describe('counts', () => {
    const counts: GroupCount[] = [
      { status: 'down', category: 'authentication', group: 'authentication', total: 2, matched: 1 },
      { status: 'up', category: 'rate_limiting', group: 'healthy', total: 1, matched: 1 },
      { status: 'up', category: null, group: 'healthy', total: 1, matched: 0 },
      { status: 'pending', category: null, group: 'pending', total: 1, matched: 0 },
    ];

    it('counts every integration by status and failing category, and the matching ones by group', async () => {
      const { service } = setup(fleet, { counts });
      const overview = await service.overview(query({ tag: 'payments' }));
      expect(overview.counts).toEqual({
        total: 5,
        byStatus: { up: 2, degraded: 0, down: 2, pending: 1 },
        byCategory: expect.objectContaining({ authentication: 2, rate_limiting: 0 }),
      });
      expect(overview.matched).toEqual({
        total: 2,
        byGroup: Object.fromEntries(
          OVERVIEW_GROUPS.map((group) => [group, group === 'authentication' || group === 'healthy' ? 1 : 0]),
        ),
      });
    });

    it('filters the page and the matched counts alike, and lists every tag in use whatever the filters', async () => {
      const { repository, service } = setup(fleet, { counts, tags: ['eu', 'payments'] });
      const overview = await service.overview(
        query({ q: 'stripe', tag: 'payments', status: 'down', group: 'authentication', paused: 'false' }),
      );
      const filters = {
        q: 'stripe',
        tag: 'payments',
        status: 'down',
        group: 'authentication',
        paused: false,
      };
      expect(repository.pages[0]?.filters).toMatchObject(filters);
      expect(repository.counted).toEqual([expect.objectContaining(filters)]);
      expect(overview.tags).toEqual(['eu', 'payments']);
    });

    it('answers in the shape of the overview contract', async () => {
      const { service } = setup(fleet, { counts, tags: ['eu'] });
      const overview = await service.overview(query({ limit: '2' }));
      expect(OverviewSchema.parse(overview)).toEqual(overview);
    });
  });
});
