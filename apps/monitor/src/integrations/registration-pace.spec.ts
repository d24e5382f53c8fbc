import { RegistrationPace } from './registration-pace';

describe(RegistrationPace.name, () => {
  it('counts the registrations within the last minute, this one included', () => {
    const pace = new RegistrationPace();
    const t0 = Date.parse('2026-12-03T10:00:00Z');
    expect(pace.record(t0)).toBe(1);
    expect(pace.record(t0 + 1_000)).toBe(2);
    expect(pace.record(t0 + 59_999)).toBe(3);
    expect(pace.record(t0 + 60_000)).toBe(3);
    expect(pace.record(t0 + 200_000)).toBe(1);
  });

  it('keeps counting right across many registrations', () => {
    const pace = new RegistrationPace();
    let last = 0;
    for (let i = 0; i < 5000; i += 1) last = pace.record(i * 100);
    expect(last).toBe(600);
  });
});
