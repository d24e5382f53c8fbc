import { SPARKLINE_POINTS } from '@ihm/contracts';
import { emptyHistogram, recordLatency, type LatencyHistogram } from '@ihm/diagnosis';
import { latencySparklines, sparklineWindow, type MinuteLatency } from './latency-sparkline';

const counts = (...latenciesMs: number[]): LatencyHistogram => {
  const histogram = emptyHistogram();
  for (const ms of latenciesMs) recordLatency(histogram, ms);
  return histogram;
};

describe(sparklineWindow.name, () => {
  it('covers SPARKLINE_POINTS whole minutes, the last one being the current minute', () => {
    const { from, to } = sparklineWindow(new Date('2026-11-25T10:30:42.123Z'));
    expect(to.toISOString()).toBe('2026-11-25T10:31:00.000Z');
    expect(to.getTime() - from.getTime()).toBe(SPARKLINE_POINTS * 60_000);
  });
});

describe(latencySparklines.name, () => {
  const { from } = sparklineWindow(new Date('2026-11-25T10:30:42Z'));
  const minute = (n: number) => new Date(from.getTime() + n * 60_000);
  const row = (integrationId: string, n: number, total: LatencyHistogram): MinuteLatency => ({
    integrationId,
    bucketStart: minute(n),
    total,
  });

  it('puts each minute’s median total latency at its place, oldest first, null where nothing ran', () => {
    const sut = latencySparklines(
      [row('a', 0, counts(150)), row('a', 59, counts(40, 45, 4000)), row('b', 3, counts(8))],
      from,
    );
    const line = sut('a');
    expect(line).toHaveLength(SPARKLINE_POINTS);
    // Interpolated inside the median's histogram bucket, as the trend's p50 is.
    expect(line[0]).toBe(150);
    expect(line[59]).toBe(42.5);
    expect(line.slice(1, 59).every((value) => value === null)).toBe(true);
    expect(sut('b')[3]).toBe(7.5);
  });

  it('gives an integration without rollups, or only rollups outside the hour, a line of nulls', () => {
    const sut = latencySparklines([row('a', -1, counts(5)), row('a', 60, counts(5))], from);
    expect(sut('a')).toEqual(new Array(SPARKLINE_POINTS).fill(null));
    expect(sut('unknown')).toEqual(new Array(SPARKLINE_POINTS).fill(null));
  });

  it('keeps a minute null when its rollup holds no total-latency observation', () => {
    expect(latencySparklines([row('a', 10, counts())], from)('a')[10]).toBeNull();
  });
});
