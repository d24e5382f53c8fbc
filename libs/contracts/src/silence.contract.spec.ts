import { toFieldErrors } from './error-body.contract';
import { SilenceRequestSchema } from './silence.contract';

const window = { startsAt: '2026-12-01T22:00:00Z', endsAt: '2026-12-02T02:00:00Z', comment: 'DB upgrade' };
const errorsOf = (input: unknown) => {
  const parsed = SilenceRequestSchema.safeParse(input);
  return parsed.success ? [] : toFieldErrors(parsed.error);
};

describe('SilenceRequestSchema', () => {
  it('takes a one-off window over everything', () => {
    expect(SilenceRequestSchema.parse(window)).toEqual({ ...window, scope: {} });
  });

  it('takes weekly windows in UTC', () => {
    const weekly = { weekly: [{ day: 6, start: '22:00', end: '02:00' }] };
    expect(SilenceRequestSchema.parse({ ...window, recurrence: weekly }).recurrence).toEqual(weekly);
  });

  it.each<[string, unknown, { field: string; message: string }]>([
    [
      'an end before the start',
      { ...window, endsAt: '2026-12-01T21:00:00Z' },
      { field: 'endsAt', message: 'endsAt must be after startsAt' },
    ],
    [
      'a date that is no date',
      { ...window, startsAt: 'tonight' },
      { field: 'startsAt', message: 'startsAt must be an ISO-8601 date and time' },
    ],
    [
      'no comment',
      { ...window, comment: ' ' },
      { field: 'comment', message: 'comment must say why (who is working on what)' },
    ],
    [
      'a day of week 7',
      { ...window, recurrence: { weekly: [{ day: 7, start: '22:00', end: '02:00' }] } },
      { field: 'recurrence.weekly.0.day', message: 'day must be 0 (Sunday) to 6 (Saturday)' },
    ],
    [
      'a time that is not HH:MM',
      { ...window, recurrence: { weekly: [{ day: 1, start: '9am', end: '17:00' }] } },
      { field: 'recurrence.weekly.0.start', message: 'start must be HH:MM (UTC)' },
    ],
  ])('refuses %s with a field error', (_label, input, error) => {
    expect(errorsOf(input)).toEqual([error]);
  });
});
