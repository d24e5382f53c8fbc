import { isSecretReference, resolveReferences } from './env-references';

describe('resolveReferences', () => {
  const env = { TOKEN: 't0k', HOST: 'api.example.com', EMPTY: '' };

  it.each([
    ['${TOKEN}', 't0k'],
    ['Bearer ${TOKEN}', 'Bearer t0k'],
    ['https://${HOST}/v1?key=${TOKEN}', 'https://api.example.com/v1?key=t0k'],
    ['$${TOKEN} stays literal', '${TOKEN} stays literal'],
    ['${EMPTY}', ''],
    ['no reference, $ alone, {braces}', 'no reference, $ alone, {braces}'],
  ])('%s → %s', (written, resolved) => {
    expect(resolveReferences({ a: [{ b: written }] }, env)).toEqual({
      value: { a: [{ b: resolved }] },
      problems: [],
    });
  });

  it('leaves keys, numbers and booleans as they are', () => {
    expect(resolveReferences({ '${TOKEN}': 1, b: true, c: null }, env).value).toEqual({
      '${TOKEN}': 1,
      b: true,
      c: null,
    });
  });

  it.each([
    ['${MISSING}', 'the environment variable MISSING is not set'],
    ['${not-a-name}', '`${` starts a reference: write ${NAME}, or $${ for a literal ${'],
    ['${TOKEN', '`${` starts a reference: write ${NAME}, or $${ for a literal ${'],
  ])('%s is a problem at its value', (written, message) => {
    expect(resolveReferences({ list: ['ok', written] }, env).problems).toEqual([
      { path: ['list', 1], message },
    ]);
  });
});

describe('isSecretReference', () => {
  it.each([
    ['${TOKEN}', true],
    ['Bearer ${TOKEN}', true],
    ['Token ${API_TOKEN_2}', true],
    ['token-${TOKEN}', false],
    ['${TOKEN}${OTHER}', false],
    ['Bearer abc', false],
    ['abc', false],
    ['', false],
    [42, false],
  ])('%s → %s', (value, expected) => {
    expect(isSecretReference(value)).toBe(expected);
  });
});
