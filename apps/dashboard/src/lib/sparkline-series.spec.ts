import { sparklineSeries } from './sparkline-series';

describe(sparklineSeries.name, () => {
  it.each([
    [[], 'No latency in the last hour'],
    [[null, null], 'No latency in the last hour'],
    [[40, 12.4], 'Latency over the last hour; latest median 12 ms'],
    [[40, 1_500, null], 'Latency over the last hour; latest median 1.5 s'],
  ])('%p → %s', (values, label) => {
    expect(sparklineSeries(values).label).toBe(label);
  });

  it('keeps one value per slot, gaps included, in order', () => {
    expect(sparklineSeries([40, null, 12]).values).toEqual([40, null, 12]);
  });
});
