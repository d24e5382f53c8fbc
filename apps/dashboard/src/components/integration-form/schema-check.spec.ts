import { schemaCompileProblem } from '../../lib/schema-compile-problem';
import { checkSchemaText } from './schema-check';

describe(checkSchemaText.name, () => {
  it("reads no schema, and a JSON object (compiling it is the server's part)", () => {
    expect(checkSchemaText('  ')).toEqual({ state: 'empty' });
    expect(checkSchemaText('{"type":"object","required":["id"]}')).toEqual({
      state: 'parsed',
      schema: { type: 'object', required: ['id'] },
    });
  });

  it.each([
    [
      '{\n  "type": "object",\n  "required": ["id",]\n}',
      'line 3, column 21: unexpected "]", expected a value',
    ],
    ['{a:1}', 'line 1, column 2: unexpected "a"'],
    ['{"a":1,}', 'line 1, column 8: unexpected "}", expected a property name in double quotes'],
    ['{"a" 1}', 'line 1, column 6: unexpected "1", expected ":" after the property name'],
    ['{"a":1', 'line 1, column 7: unexpected end of text, expected "," or "}" after a property'],
    ['[1', 'line 1, column 3: unexpected end of text, expected "," or "]" after an item'],
    ['[1 2]', 'line 1, column 4: unexpected "2", expected "," before the next item'],
    ['{"a":1 "b":2}', 'line 1, column 8: unexpected "b", expected "," before the next item'],
    [
      `{"a":1 "${'x'.repeat(40)}":2}`,
      'line 1, column 8: unexpected "xxxxxxxxxxxxxxxxxxxxxxx…, expected "," before the next item',
    ],
    ['01', 'line 1, column 2: unexpected "1", expected nothing after the value'],
    ['{"a":1}\r\n}', 'line 2, column 1: unexpected "}", expected nothing after the value'],
    ['[tru]', 'line 1, column 2: unexpected "tru"'],
    ['{"a":\n  1.}', 'line 2, column 3: "1." is not a complete number'],
    ['"abc', 'line 1, column 1: this string has no closing quote'],
    [
      '{"a":"\\x"}',
      'line 1, column 6: this string has an unknown escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)',
    ],
    ['["\\u12"]', 'line 1, column 2: a \\u escape in this string needs four hex digits'],
    [
      '{"a":"one\ttwo"}',
      'line 1, column 6: this string holds a control character such as a tab or line break (write \\t or \\n)',
    ],
    ['// the schema\n{}', 'line 1, column 1: comments are not allowed in JSON'],
    ['{"type": /* any */ "object"}', 'line 1, column 10: comments are not allowed in JSON'],
  ])('says where %p breaks', (text, where) => {
    expect(checkSchemaText(text)).toEqual({ state: 'invalid', message: `Invalid JSON at ${where}.` });
  });

  it('refuses JSON that is not an object, and leaves compiling to the server', () => {
    expect(checkSchemaText('[1]')).toEqual({
      state: 'invalid',
      message: 'A JSON Schema must be a JSON object: { … }.',
    });
    expect(checkSchemaText('{"type":"objekt"}')).toEqual({ state: 'parsed', schema: { type: 'objekt' } });
  });
});

describe(schemaCompileProblem.name, () => {
  it.each<[string, Record<string, unknown>, RegExp | null]>([
    ['a schema that compiles', { type: 'object', required: ['id'] }, null],
    ['an unknown type', { type: 'objekt' }, /type/],
    ['a required list that is not one', { required: 'id' }, /required/],
    ['one over 1 MB', { description: 'x'.repeat(1_000_001) }, /larger than 1 MB/],
  ])('%s', (_label, schema, problem) => {
    const answer = schemaCompileProblem(schema);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toMatch(problem);
  });
});
