import { retryAfterSeconds } from './retry-after';

describe(retryAfterSeconds.name, () => {
  const now = new Date('2026-11-27T14:32:00.000Z');

  it.each<[string, string | null, number | null]>([
    ['delay-seconds', '120', 120],
    ['zero', '0', 0],
    ['surrounding spaces', ' 30 ', 30],
    ['an IMF-fixdate', 'Fri, 27 Nov 2026 14:33:30 GMT', 90],
    ['an obsolete RFC 850 date', 'Friday, 27-Nov-26 14:33:30 GMT', 90],
    ['an asctime date', 'Fri Nov 27 14:33:30 2026', 90],
    ['a date part of a second ahead, rounded up', 'Fri, 27 Nov 2026 14:32:01 GMT', 1],
    ['a date already past', 'Fri, 27 Nov 2026 14:00:00 GMT', 0],
    ['no header', null, null],
    ['an empty header', '', null],
    ['a fraction', '1.5', null],
    ['a negative number', '-5', null],
    ['words', 'soon', null],
  ])('%s', (_, header, expected) => {
    expect(retryAfterSeconds(header, now)).toBe(expected);
  });
});
