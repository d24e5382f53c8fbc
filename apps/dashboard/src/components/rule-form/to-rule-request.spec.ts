import { ruleFixture } from '../alerts/fixtures';
import { placeRuleErrors } from './rule-field-errors';
import { emptyRuleForm, fromRule } from './rule-form-state';
import { toRuleRequest } from './to-rule-request';

describe(toRuleRequest.name, () => {
  it('sends the selected condition with its own numbers only, and reminders off as null', () => {
    const form = {
      ...emptyRuleForm(),
      name: ' Slow checkout ',
      conditionType: 'latencyP95' as const,
      numbers: { ...emptyRuleForm().numbers, thresholdMs: '1500', windowMinutes: '10' },
      scope: { integrationIds: ['int-1'], tags: 'payments, eu', categories: [] },
      minSeverity: 'degraded' as const,
      channelIds: ['chan-1'],
      reminders: false,
    };
    expect(toRuleRequest(form)).toEqual({
      ok: true,
      request: {
        name: 'Slow checkout',
        condition: { type: 'latencyP95', thresholdMs: 1500, windowMinutes: 10 },
        scope: { integrationIds: ['int-1'], tags: ['payments', 'eu'] },
        minSeverity: 'degraded',
        channelIds: ['chan-1'],
        renotifyMinutes: null,
      },
    });
  });

  it('sends an empty scope for every integration, and a condition without numbers as its type alone', () => {
    const form = { ...emptyRuleForm(), name: 'Forecast', conditionType: 'budgetForecast' as const };
    expect(toRuleRequest(form)).toMatchObject({
      request: { condition: { type: 'budgetForecast' }, scope: {}, renotifyMinutes: 240 },
    });
  });

  it('refuses numbers that are not whole numbers before asking the API', () => {
    const form = {
      ...emptyRuleForm(),
      numbers: { ...emptyRuleForm().numbers, count: 'three' },
      renotifyMinutes: '',
    };
    expect(toRuleRequest(form)).toEqual({
      ok: false,
      errors: { 'condition.count': ['Enter a whole number.'], renotifyMinutes: ['Enter a number.'] },
    });
  });

  it('round-trips a stored rule through the form unchanged', () => {
    const rule = ruleFixture({
      condition: { type: 'failureRatio', percent: 25, windowMinutes: 30 },
      scope: { tags: ['payments'], categories: ['authentication'] },
      channelIds: ['chan-1'],
      renotifyMinutes: null,
    });
    const { id: _id, createdAt: _created, updatedAt: _updated, managedBy: _managedBy, ...definition } = rule;
    expect(toRuleRequest(fromRule(rule))).toEqual({ ok: true, request: definition });
  });
});

describe(placeRuleErrors.name, () => {
  it('places errors beside the condition’s inputs, naming the channel or tag an item error is about', () => {
    const form = fromRule(ruleFixture({ channelIds: ['chan-1', 'chan-gone'], scope: { tags: ['a', 'b'] } }));
    const names = {
      channel: (id: string) => (id === 'chan-1' ? 'Ops webhook' : 'chan-gone'),
      integration: String,
    };
    expect(
      placeRuleErrors(
        [
          { field: 'condition.count', message: 'count must be at most 100' },
          { field: 'channelIds.1', message: 'must be a channel id' },
          { field: 'scope.tags.1', message: 'tags must not repeat' },
          { field: 'condition.percent', message: 'is not a known field' },
          {
            field: 'minSeverity',
            message: 'a latencyP95 rule only sees degraded results: use minSeverity degraded',
          },
        ],
        form,
        names,
      ),
    ).toEqual({
      byField: {
        'condition.count': ['count must be at most 100'],
        channelIds: ['“chan-gone”: must be a channel id'],
        'scope.tags': ['“b”: tags must not repeat'],
        minSeverity: ['a latencyP95 rule only sees degraded results: use minSeverity degraded'],
      },
      unplaced: [{ field: 'condition.percent', message: 'is not a known field' }],
    });
  });
});
