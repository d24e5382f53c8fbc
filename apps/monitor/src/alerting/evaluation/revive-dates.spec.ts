import { reviveDates } from './revive-dates';

describe(reviveDates.name, () => {
  it('gives back the dates of data that went through JSON, at any depth, and nothing else', () => {
    const data = {
      at: new Date('2026-12-01T10:00:00.000Z'),
      nested: [{ since: new Date('2026-12-01T09:00:00.123Z'), n: 3, none: null }],
      message: 'resolved at 2026-12-01T10:00:00.000Z',
      day: '2026-12-01',
    };
    expect(reviveDates(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });
});
