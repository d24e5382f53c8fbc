import {
  formatCount,
  formatDateTime,
  formatMs,
  formatNumber,
  formatPercent,
  formatRelative,
  formatSeconds,
} from './format';

describe(formatRelative.name, () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it.each([
    ['2026-11-25T11:59:48Z', '12 s ago'],
    ['2026-11-25T11:57:00Z', '3 min ago'],
    ['2026-11-25T09:00:00Z', '3 h ago'],
    ['2026-11-25T09:59:00Z', '2 h ago'],
    ['2026-12-02T12:00:00Z', 'in 7 d'],
    ['2026-11-25T12:00:00Z', 'now'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});

describe(formatDateTime.name, () => {
  // jest.config.js runs the specs in UTC.
  it.each([
    ['2026-11-25T09:05:03Z', '25 Nov 2026, 09:05:03 UTC'],
    ['2027-01-01T00:00:00.000Z', '1 Jan 2027, 00:00:00 UTC'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected);
  });
});

describe(formatMs.name, () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    [0, '0 ms'],
    [0.8, '0.8 ms'],
    [3.14159, '3.1 ms'],
    [9.4, '9.4 ms'],
    [12.4, '12 ms'],
    [120, '120 ms'],
    [250.4, '250 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [1_000, '1 s'],
    [1_234, '1.2 s'],
    [12_345, '12.3 s'],
    [120_000, '120 s'],
    [1_234_567, '1,234.6 s'],
  ])('%p → %s', (value, expected) => {
    expect(formatMs(value)).toBe(expected);
  });
});

describe(formatSeconds.name, () => {
  it.each([
    [0, '0 s'],
    [30, '30 s'],
    [3_600, '3,600 s'],
  ])('%p → %s', (value, expected) => {
    expect(formatSeconds(value)).toBe(expected);
  });
});

describe(formatNumber.name, () => {
  it.each([
    [0, '0'],
    [12, '12'],
    [5_000, '5,000'],
    [1_234_567, '1,234,567'],
  ])('%p → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe(formatCount.name, () => {
  it.each([
    [0, 'probe', undefined, '0 probes'],
    [1, 'integration', undefined, '1 integration'],
    [3, 'integration', undefined, '3 integrations'],
    [10_000, 'integration', undefined, '10,000 integrations'],
    [1, 'entry', 'entries', '1 entry'],
    [3, 'entry', 'entries', '3 entries'],
  ])('%p %s → %s', (count, singular, plural, expected) => {
    expect(formatCount(count, singular, plural)).toBe(expected);
  });
});

describe(formatPercent.name, () => {
  it.each([
    [0, '0 %'],
    [0.5, '50 %'],
    [2 / 3, '66.6 %'],
    [0.995, '99.5 %'],
    [2_999 / 3_000, '99.9 %'],
    [1, '100 %'],
  ])('%p → %s', (share, expected) => {
    expect(formatPercent(share)).toBe(expected);
  });
});
