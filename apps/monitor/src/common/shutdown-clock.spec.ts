import { ShutdownClock } from './shutdown-clock';

describe(ShutdownClock.name, () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('gives each step its own budget until the process is told to stop', () => {
    expect(new ShutdownClock().endOf(3000, 7500)).toBe(1_003_000);
  });

  it('cuts a step short so that the steps after it keep their time, and never lets a later signal extend it', () => {
    const clock = new ShutdownClock();
    clock.start(10_000);
    expect(clock.endOf(3000, 7500)).toBe(1_002_500);
    expect(clock.endOf(6000, 1500)).toBe(1_006_000);
    jest.advanceTimersByTime(5000);
    expect(clock.endOf(6000, 1500)).toBe(1_008_500);
    clock.start(10_000);
    expect(clock.endOf(6000, 1500)).toBe(1_008_500);
  });
});
