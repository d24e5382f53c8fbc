import { retentionPlan } from './retention-plan';

describe(retentionPlan.name, () => {
  const plan = retentionPlan(new Date('2026-12-01T15:30:00.000Z'), { resultsDays: 7, rollupDays: 90 });

  it('keeps partitions for today and the next seven days', () => {
    expect(plan.partitionDays.map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
    ]);
  });

  it('drops whole days of results older than the retention, counted from midnight', () => {
    expect(plan.dropResultsBefore.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('keeps two days of minute rollups and the configured days of hour rollups', () => {
    expect(plan.minuteRollupsBefore.toISOString()).toBe('2026-11-29T15:30:00.000Z');
    expect(plan.hourRollupsBefore.toISOString()).toBe('2026-09-02T15:30:00.000Z');
  });
});
