import type { Category } from '../categories';
import type { ProbeStatus } from '../status';
import type { AlertRule, AlertScope, AlertSeverity } from './alert-rule';
import { inScope, ruleApplies } from './rule-scope';

const payments = { id: 'int-1', name: 'Payments API', tags: ['payments', 'eu'] };

describe(inScope.name, () => {
  it.each<[string, AlertScope, Category | null, boolean]>([
    ['an empty scope covers everything', {}, 'server_error', true],
    ['empty lists do not narrow', { integrationIds: [], tags: [], categories: [] }, 'server_error', true],
    ['its id listed', { integrationIds: ['int-1'] }, 'server_error', true],
    ['another id listed', { integrationIds: ['int-2'] }, 'server_error', false],
    ['one of its tags listed', { tags: ['eu'] }, 'server_error', true],
    ['none of its tags listed', { tags: ['us'] }, 'server_error', false],
    [
      'ids or tags: its tag selects it though its id is not listed',
      { integrationIds: ['int-2'], tags: ['eu'] },
      'server_error',
      true,
    ],
    [
      'ids or tags: its id selects it though its tags are not listed',
      { integrationIds: ['int-1'], tags: ['us'] },
      'server_error',
      true,
    ],
    ['a listed category', { categories: ['authentication', 'rate_limiting'] }, 'rate_limiting', true],
    ['an unlisted category', { categories: ['authentication', 'rate_limiting'] }, 'server_error', false],
    [
      'categories narrow the selected integrations',
      { tags: ['eu'], categories: ['authentication'] },
      'server_error',
      false,
    ],
    [
      'categories do not widen to unselected integrations',
      { tags: ['us'], categories: ['server_error'] },
      'server_error',
      false,
    ],
    ['no category, no category filter', { tags: ['eu'] }, null, true],
    ['no category is outside a category filter', { categories: ['server_error'] }, null, false],
  ])('%s', (_, scope, category, expected) => {
    expect(inScope(scope, payments, category)).toBe(expected);
  });
});

describe(ruleApplies.name, () => {
  const rule = (minSeverity: AlertSeverity, scope: AlertScope = {}): AlertRule => ({
    id: 'rule-1',
    name: 'Any failure',
    condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
    scope,
    minSeverity,
    renotifyMinutes: null,
  });
  it.each<[string, AlertRule, Category | null, ProbeStatus, boolean]>([
    ['a down result under a degraded rule', rule('degraded'), 'server_error', 'down', true],
    ['a degraded result under a degraded rule', rule('degraded'), 'network_timeout', 'degraded', true],
    ['a down result under a down rule', rule('down'), 'server_error', 'down', true],
    ['a degraded result under a down rule is ignored', rule('down'), 'network_timeout', 'degraded', false],
    ['an up result is never a failure', rule('degraded'), null, 'up', false],
    ['a result without a category is not a failure', rule('degraded'), null, 'down', false],
    ['outside the scope', rule('degraded', { tags: ['us'] }), 'server_error', 'down', false],
    [
      'a category the rule filters out',
      rule('degraded', { categories: ['authentication'] }),
      'server_error',
      'down',
      false,
    ],
  ])('%s', (_, alertRule, category, status, expected) => {
    expect(ruleApplies(alertRule, payments, category, status)).toBe(expected);
  });
});
