import { checkResult } from '../../test/check-result.fixture';
import { failuresCounter, PROBES_COUNTER, resultCounts } from './result-counts';

const AT = '2026-12-02T10:00:00.000Z';

describe(resultCounts.name, () => {
  it('counts every result as a probe and every down one as a failure of its category, per integration', () => {
    const entries = [
      { integrationId: 'a', result: checkResult(AT, { status: 'up', category: null }) },
      { integrationId: 'a', result: checkResult(AT, { status: 'down', category: 'rate_limiting' }) },
      { integrationId: 'a', result: checkResult(AT, { status: 'down', category: 'rate_limiting' }) },
      { integrationId: 'b', result: checkResult(AT, { status: 'degraded', category: 'network_timeout' }) },
      { integrationId: 'b', result: checkResult(AT, { status: 'down', category: 'authentication' }) },
    ];
    expect(resultCounts(entries)).toEqual([
      { integrationId: 'a', name: PROBES_COUNTER, count: 3 },
      { integrationId: 'a', name: failuresCounter('rate_limiting'), count: 2 },
      { integrationId: 'b', name: PROBES_COUNTER, count: 2 },
      { integrationId: 'b', name: 'failures:authentication', count: 1 },
    ]);
  });

  it('moves nothing for no results', () => {
    expect(resultCounts([])).toEqual([]);
  });
});
