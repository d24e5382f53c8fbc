import type { Category } from '../categories';
import { isSilenced, type Silence, type WeeklyWindow } from './silences';

const payments = { id: 'int-1', name: 'Payments API', tags: ['payments'] };

const oneOff = (overrides: Partial<Silence> = {}): Silence => ({
  scope: {},
  startsAt: new Date('2026-11-25T10:00:00.000Z'),
  endsAt: new Date('2026-11-25T12:00:00.000Z'),
  ...overrides,
});

// 2026-11-28 is a Saturday (day 6), 2026-11-29 a Sunday (day 0).
const weekly = (...windows: WeeklyWindow[]): Silence => ({
  scope: {},
  startsAt: new Date('2026-11-01T00:00:00.000Z'),
  endsAt: new Date('2027-01-01T00:00:00.000Z'),
  recurrence: { weekly: windows },
});

describe(isSilenced.name, () => {
  it.each<[string, Silence, Category, string, boolean]>([
    ['before it starts', oneOff(), 'connectivity', '2026-11-25T09:59:59.999Z', false],
    ['from its start', oneOff(), 'connectivity', '2026-11-25T10:00:00.000Z', true],
    ['until just before its end', oneOff(), 'connectivity', '2026-11-25T11:59:59.999Z', true],
    ['not at its end', oneOff(), 'connectivity', '2026-11-25T12:00:00.000Z', false],
    [
      'another integration',
      oneOff({ scope: { integrationIds: ['int-2'] } }),
      'connectivity',
      '2026-11-25T11:00:00.000Z',
      false,
    ],
    [
      'this integration by tag',
      oneOff({ scope: { tags: ['payments'] } }),
      'connectivity',
      '2026-11-25T11:00:00.000Z',
      true,
    ],
    [
      'a listed category',
      oneOff({ scope: { categories: ['connectivity'] } }),
      'connectivity',
      '2026-11-25T11:00:00.000Z',
      true,
    ],
    [
      'an unlisted category',
      oneOff({ scope: { categories: ['connectivity'] } }),
      'authentication',
      '2026-11-25T11:00:00.000Z',
      false,
    ],
    [
      'weekly: inside Saturday 02:00–04:00',
      weekly({ day: 6, start: '02:00', end: '04:00' }),
      'connectivity',
      '2026-11-28T03:59:00.000Z',
      true,
    ],
    [
      'weekly: from its start',
      weekly({ day: 6, start: '02:00', end: '04:00' }),
      'connectivity',
      '2026-11-28T02:00:00.000Z',
      true,
    ],
    [
      'weekly: not at its end',
      weekly({ day: 6, start: '02:00', end: '04:00' }),
      'connectivity',
      '2026-11-28T04:00:00.000Z',
      false,
    ],
    [
      'weekly: the same hours on another day',
      weekly({ day: 6, start: '02:00', end: '04:00' }),
      'connectivity',
      '2026-11-29T03:00:00.000Z',
      false,
    ],
    [
      'weekly: the window of the next week too',
      weekly({ day: 6, start: '02:00', end: '04:00' }),
      'connectivity',
      '2026-12-05T03:00:00.000Z',
      true,
    ],
    [
      'weekly: crossing midnight, before it',
      weekly({ day: 0, start: '22:00', end: '02:00' }),
      'connectivity',
      '2026-11-29T23:00:00.000Z',
      true,
    ],
    [
      'weekly: crossing midnight, after it',
      weekly({ day: 0, start: '22:00', end: '02:00' }),
      'connectivity',
      '2026-11-30T01:59:00.000Z',
      true,
    ],
    [
      'weekly: crossing midnight, at its end',
      weekly({ day: 0, start: '22:00', end: '02:00' }),
      'connectivity',
      '2026-11-30T02:00:00.000Z',
      false,
    ],
    [
      'weekly: Saturday night into Sunday',
      weekly({ day: 6, start: '22:00', end: '02:00' }),
      'connectivity',
      '2026-11-29T01:00:00.000Z',
      true,
    ],
    [
      'weekly: 00:00–00:00 is the whole day',
      weekly({ day: 2, start: '00:00', end: '00:00' }),
      'connectivity',
      '2026-12-01T23:59:00.000Z',
      true,
    ],
    [
      'weekly: and not the next',
      weekly({ day: 2, start: '00:00', end: '00:00' }),
      'connectivity',
      '2026-12-02T00:00:00.000Z',
      false,
    ],
    [
      'weekly: any of several windows',
      weekly({ day: 1, start: '09:00', end: '10:00' }, { day: 3, start: '09:00', end: '10:00' }),
      'connectivity',
      '2026-11-25T09:30:00.000Z',
      true,
    ],
    [
      'weekly: only between startsAt and endsAt',
      weekly({ day: 6, start: '02:00', end: '04:00' }),
      'connectivity',
      '2027-01-02T03:00:00.000Z',
      false,
    ],
    ['an empty weekly list is no recurrence', weekly(), 'connectivity', '2026-11-25T11:00:00.000Z', true],
  ])('%s', (_, silence, category, now, expected) => {
    expect(isSilenced(silence, payments, category, new Date(now))).toBe(expected);
  });
});
