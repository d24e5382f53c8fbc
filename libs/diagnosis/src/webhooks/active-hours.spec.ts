import { activeSecondsBetween, afterActiveSeconds, type ActiveHours } from './active-hours';

const berlin: ActiveHours = {
  timeZone: 'Europe/Berlin',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
};
const at = (iso: string) => new Date(iso);

describe('activeSecondsBetween', () => {
  const rows: [string, string, string, ActiveHours | null, number][] = [
    ['every hour counts without active hours', '2026-12-01T10:00:00Z', '2026-12-01T10:47:00Z', null, 47 * 60],
    // 2026-12-01 is a Tuesday; Berlin is UTC+1 in winter, so 09:00–17:00 local is 08:00–16:00 UTC.
    ['inside working hours', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z', berlin, 3600],
    ['before opening counts from 09:00 local', '2026-12-01T07:00:00Z', '2026-12-01T08:30:00Z', berlin, 1800],
    ['overnight counts nothing', '2026-12-01T16:00:00Z', '2026-12-02T08:00:00Z', berlin, 0],
    ['across a night', '2026-12-01T15:30:00Z', '2026-12-02T08:30:00Z', berlin, 3600],
    ['a weekend counts nothing', '2026-12-05T08:00:00Z', '2026-12-06T20:00:00Z', berlin, 0],
    ['Friday afternoon to Monday morning', '2026-12-04T15:00:00Z', '2026-12-07T09:00:00Z', berlin, 2 * 3600],
    // Summer time: 09:00 local is 07:00 UTC.
    ['in summer time', '2026-07-01T06:00:00Z', '2026-07-01T08:00:00Z', berlin, 3600],
    ['an empty interval', '2026-12-01T10:00:00Z', '2026-12-01T09:00:00Z', berlin, 0],
  ];
  it.each(rows)('%s', (_label, from, to, hours, seconds) => {
    expect(activeSecondsBetween(at(from), at(to), hours)).toBe(seconds);
  });
});

describe('afterActiveSeconds', () => {
  const rows: [string, string, number, ActiveHours | null, string][] = [
    ['adds plainly without active hours', '2026-12-01T10:00:00Z', 900, null, '2026-12-01T10:15:00.000Z'],
    ['inside working hours', '2026-12-01T10:00:00Z', 900, berlin, '2026-12-01T10:15:00.000Z'],
    [
      'runs over the evening into the next morning',
      '2026-12-01T15:50:00Z',
      900,
      berlin,
      '2026-12-02T08:05:00.000Z',
    ],
    ['over the weekend', '2026-12-04T15:55:00Z', 600, berlin, '2026-12-07T08:05:00.000Z'],
    ['from a Saturday', '2026-12-05T12:00:00Z', 60, berlin, '2026-12-07T08:01:00.000Z'],
    [
      'in New York across the DST change',
      '2026-11-01T05:00:00Z',
      3600,
      { timeZone: 'America/New_York', days: ['sun', 'mon'], start: '00:00', end: '23:59' },
      '2026-11-01T06:00:00.000Z',
    ],
  ];
  it.each(rows)('%s', (_label, from, seconds, hours, expected) => {
    expect(afterActiveSeconds(at(from), seconds, hours).toISOString()).toBe(expected);
  });

  it('inverts activeSecondsBetween', () => {
    const from = at('2026-12-03T14:12:00Z');
    const until = afterActiveSeconds(from, 5 * 3600, berlin);
    expect(activeSecondsBetween(from, until, berlin)).toBe(5 * 3600);
  });
});
