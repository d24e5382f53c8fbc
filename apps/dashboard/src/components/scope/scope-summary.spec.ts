import { scopeSummary } from './scope-summary';

const names = (id: string) =>
  ({ 'int-1': 'Payments API', 'int-2': 'Orders API' })[id] ?? 'a deleted integration';

describe(scopeSummary.name, () => {
  it.each([
    [{}, 'Every integration'],
    [
      { categories: ['authentication' as const, 'not_found' as const] },
      'Every integration; only Authentication, Not found (404)',
    ],
    [
      { integrationIds: ['int-1', 'int-2'], tags: ['eu'] },
      'Payments API, Orders API or integrations tagged eu',
    ],
    [{ tags: ['payments', 'eu'] }, 'Integrations tagged payments, eu'],
    [{ integrationIds: ['int-1', 'int-2', 'int-3', 'int-4'] }, '4 integrations'],
  ])('%p reads %p', (scope, text) => {
    expect(scopeSummary(scope, names)).toBe(text);
  });
});
