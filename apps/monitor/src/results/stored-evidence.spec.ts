import type { ProbeStatus } from '@ihm/diagnosis';
import { storedEvidence } from './stored-evidence';

const evidence = { responseHeaders: { 'content-type': 'application/json' }, bodyExcerpt: '{"error":"x"}' };

describe(storedEvidence.name, () => {
  it.each<[ProbeStatus, typeof evidence | null]>([
    ['up', null],
    ['degraded', evidence],
    ['down', evidence],
  ])('a %s result keeps %p', (status, kept) => {
    expect(storedEvidence({ status, evidence })).toEqual(kept);
  });
});
