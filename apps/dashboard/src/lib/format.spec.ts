import { formatCount, formatMs, formatRelative } from './format';

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

describe(formatMs.name, () => {
  it.each([
    [null, '—'],
    [3.14159, '3.1 ms'],
    [250.4, '250 ms'],
    [12_345, '12.3 s'],
  ])('%p → %s', (value, expected) => {
    expect(formatMs(value)).toBe(expected);
  });
});

describe(formatCount.name, () => {
  it.each([
    [0, 'probe', undefined, '0 probes'],
    [1, 'integration', undefined, '1 integration'],
    [10_000, 'integration', undefined, '10,000 integrations'],
    [1, 'entry', 'entries', '1 entry'],
    [3, 'entry', 'entries', '3 entries'],
  ])('%p %s → %s', (count, singular, plural, expected) => {
    expect(formatCount(count, singular, plural)).toBe(expected);
  });
});
