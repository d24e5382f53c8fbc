import { phaseTimings } from './phase-timings';

describe(phaseTimings.name, () => {
  it.each([
    [
      'https: every phase, in the order of the exchange',
      { dnsMs: 1.2, connectMs: 0.8, tlsMs: 4.1, ttfbMs: 120.5, totalMs: 131 },
      [
        { label: 'DNS', ms: 1.2 },
        { label: 'Connect', ms: 0.8 },
        { label: 'TLS', ms: 4.1 },
        { label: 'First byte', ms: 120.5 },
        { label: 'Total', ms: 131 },
      ],
    ],
    [
      'plain http: no TLS phase',
      { dnsMs: 0, connectMs: 0.4, tlsMs: null, ttfbMs: 3, totalMs: 3.5 },
      [
        { label: 'DNS', ms: 0 },
        { label: 'Connect', ms: 0.4 },
        { label: 'First byte', ms: 3 },
        { label: 'Total', ms: 3.5 },
      ],
    ],
    [
      'refused before a connection',
      { dnsMs: 2, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null },
      [{ label: 'DNS', ms: 2 }],
    ],
    ['nothing measured', { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null }, []],
  ])('%s', (_, timings, expected) => {
    expect(phaseTimings(timings)).toEqual(expected);
  });
});
