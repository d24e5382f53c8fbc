import type { Category, ProbeStatus } from '@ihm/diagnosis';
import { overviewGroupOf } from './overview.contract';

describe(overviewGroupOf.name, () => {
  it.each<[ProbeStatus, Category | null, string]>([
    ['up', null, 'healthy'],
    ['up', 'rate_limiting', 'healthy'],
    ['degraded', 'rate_limiting', 'rate_limiting'],
    ['down', 'authentication', 'authentication'],
    ['down', null, 'healthy'],
  ])('a %s result with category %p is listed under %s', (status, category, group) => {
    expect(overviewGroupOf({ status, category })).toBe(group);
  });
});
