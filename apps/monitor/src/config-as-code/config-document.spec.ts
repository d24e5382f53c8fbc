import { readConfigDocument } from './config-document';
import { ConfigFileError, fieldOf } from './config-problem';

describe('readConfigDocument', () => {
  const problemsOf = (text: string) => {
    try {
      readConfigDocument('f.yaml', text);
      return [];
    } catch (error) {
      return (error as ConfigFileError).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    }
  };

  it('locates a value, or the nearest value that exists above a missing one', () => {
    const document = readConfigDocument('f.yaml', 'integrations:\n  - name: a\n    url: x\n');
    expect(document.locate({ path: ['integrations', 0, 'url'], message: 'm' })).toEqual({
      file: 'f.yaml',
      line: 3,
      column: 10,
      field: 'integrations[0].url',
      message: 'm',
    });
    expect(document.locate({ path: ['integrations', 0, 'timeoutMs'], message: 'm' })).toMatchObject({
      line: 2,
      column: 5,
      field: 'integrations[0].timeoutMs',
    });
  });

  it('reads JSON as well', () => {
    const document = readConfigDocument('f.json', '{\n  "integrations": [\n    { "name": "a" }\n  ]\n}\n');
    expect(document.raw).toEqual({ integrations: [{ name: 'a' }] });
    expect(document.locate({ path: ['integrations', 0, 'name'], message: 'm' })).toMatchObject({
      line: 3,
      column: 15,
    });
  });

  it.each([
    ['', ['1:1 the file is empty: write {} to manage nothing']],
    ['a: 1\na: 2\n', ['2:1 Map keys must be unique']],
    [
      'channels:\n  - config: { url: ${URL} }\n',
      [
        '2:21 Unexpected flow-map-start at node end (inside { } or [ ], quote a value that holds a reference: "${TOKEN}")',
      ],
    ],
  ])('%j is refused with its line', (text, expected) => {
    expect(problemsOf(text).slice(0, expected.length)).toEqual(expected);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10)
          .fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`)
          .join(', ')}]`,
      );
    expect(problemsOf(bomb.join('\n'))).toHaveLength(1);
  });
});

describe('fieldOf', () => {
  it.each([
    [['integrations', 0, 'auth', 'token'], 'integrations[0].auth.token'],
    [['integrations', 2, 'headers', 'X-Api-Key'], 'integrations[2].headers.X-Api-Key'],
    [['integrations', 2, 'headers', 'x.odd header'], 'integrations[2].headers["x.odd header"]'],
    [[], ''],
  ])('%j → %s', (path, expected) => {
    expect(fieldOf(path)).toBe(expected);
  });
});
