import type { Silence } from '@ihm/contracts';
import { silenceFixture } from '../components/alerts/fixtures';
import { silenceAgenda, silencePhase, weeklyWindowText, type SilencePhase } from './silence-agenda';

/** A Wednesday, 12:00 UTC. */
const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe(silencePhase.name, () => {
  it.each<[string, Partial<Silence>, SilencePhase]>([
    ['holding now', {}, 'active'],
    [
      'not started yet',
      { startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T12:00:00.000Z' },
      'upcoming',
    ],
    ['over', { startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T12:00:00.000Z' }, 'ended'],
    [
      'weekly, inside today’s window',
      {
        endsAt: '2026-12-31T00:00:00.000Z',
        recurrence: { weekly: [{ day: 3, start: '11:00', end: '13:00' }] },
      },
      'active',
    ],
    [
      'weekly, between its windows',
      {
        endsAt: '2026-12-31T00:00:00.000Z',
        recurrence: { weekly: [{ day: 6, start: '22:00', end: '02:00' }] },
      },
      'upcoming',
    ],
  ])('%s: %s', (_, overrides, phase) => {
    expect(silencePhase(silenceFixture(overrides), NOW)).toBe(phase);
  });
});

describe(silenceAgenda.name, () => {
  it('lists active, then upcoming, each by start, then ended, the latest first', () => {
    const agenda = silenceAgenda(
      [
        silenceFixture({
          id: 'ended-early',
          startsAt: '2026-11-20T10:00:00.000Z',
          endsAt: '2026-11-20T11:00:00.000Z',
        }),
        silenceFixture({
          id: 'later',
          startsAt: '2026-11-28T10:00:00.000Z',
          endsAt: '2026-11-28T11:00:00.000Z',
        }),
        silenceFixture({ id: 'active' }),
        silenceFixture({
          id: 'sooner',
          startsAt: '2026-11-26T10:00:00.000Z',
          endsAt: '2026-11-26T11:00:00.000Z',
        }),
        silenceFixture({
          id: 'ended-late',
          startsAt: '2026-11-19T10:00:00.000Z',
          endsAt: '2026-11-24T11:00:00.000Z',
        }),
      ],
      NOW,
    );
    expect(agenda.map((section) => [section.label, section.items.map((silence) => silence.id)])).toEqual([
      ['Active now', ['active']],
      ['Upcoming', ['sooner', 'later']],
      ['Ended', ['ended-late', 'ended-early']],
    ]);
  });
});

describe(weeklyWindowText.name, () => {
  it('names the day and says when a window runs into the next', () => {
    expect(weeklyWindowText({ day: 6, start: '22:00', end: '02:00' })).toBe(
      'Saturday 22:00–02:00 (next day) UTC',
    );
    expect(weeklyWindowText({ day: 1, start: '09:00', end: '10:30' })).toBe('Monday 09:00–10:30 UTC');
  });
});
