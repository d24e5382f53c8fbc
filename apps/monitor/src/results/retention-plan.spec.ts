import { retentionPlan } from './retention-plan';

describe(retentionPlan.name, () => {
  const now = new Date('2026-12-01T15:37:00.000Z');
  const plan = retentionPlan(now, { resultsDays: 7, rollupDays: 31, successHours: 3 });

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

  it.each([
    ['three hours by default', 3, 7, '2026-12-01T12:37:00.000Z'],
    ['never longer than failures are kept', 48, 1, '2026-11-30T15:37:00.000Z'],
  ])(
    'deletes passed results after the success retention: %s',
    (_label, successHours, resultsDays, before) => {
      expect(
        retentionPlan(now, { resultsDays, rollupDays: 31, successHours }).passedResultsBefore.toISOString(),
      ).toBe(before);
    },
  );

  it('keeps a day and an hour of minute rollups and the configured days of hour rollups', () => {
    expect(plan.minuteRollupsBefore.toISOString()).toBe('2026-11-30T14:37:00.000Z');
    expect(plan.hourRollupsBefore.toISOString()).toBe('2026-10-31T15:37:00.000Z');
  });

  it('merges minute rollups older than 2 h into 15 minutes, hour rollups older than 8 days into 6 hours', () => {
    expect(
      plan.rollupCompactions.map((c) => [
        c.table,
        c.from.toISOString(),
        c.before.toISOString(),
        c.bucketSeconds,
      ]),
    ).toEqual([
      ['minute', '2026-11-30T13:30:00.000Z', '2026-12-01T13:30:00.000Z', 900],
      ['hour', '2026-11-22T12:00:00.000Z', '2026-11-23T12:00:00.000Z', 21_600],
    ]);
  });
});
