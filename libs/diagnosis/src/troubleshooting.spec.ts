import { CATEGORIES } from './categories';
import { GENERAL_STEPS, STEPS_BY_CATEGORY, troubleshootingSteps } from './troubleshooting';

describe('troubleshooting table', () => {
  it.each(CATEGORIES)('%s has at least two distinct steps', (category) => {
    const steps = STEPS_BY_CATEGORY[category];
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('uses every general step of the guide somewhere', () => {
    const used = new Set(Object.values(STEPS_BY_CATEGORY).flat());
    expect([...used].sort()).toEqual([...GENERAL_STEPS].sort());
  });

  it('puts credentials first for authentication and connectivity first for connectivity', () => {
    expect(troubleshootingSteps('authentication')[0]).toMatch(/^Validate credentials/);
    expect(troubleshootingSteps('connectivity')[0]).toMatch(/^Verify connectivity/);
  });
});
