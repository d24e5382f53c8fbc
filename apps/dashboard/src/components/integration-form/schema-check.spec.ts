import { findJsonSyntaxError } from './json-syntax-error';
import { checkSchemaText } from './schema-check';

describe('checkSchemaText', () => {
  it('accepts no schema and a schema that compiles', () => {
    expect(checkSchemaText('  ')).toEqual({ state: 'empty' });
    expect(checkSchemaText('{"type":"object","required":["id"]}')).toEqual({
      state: 'valid',
      schema: { type: 'object', required: ['id'] },
    });
  });

  it('says where the JSON breaks', () => {
    expect(checkSchemaText('{\n  "type": "object",\n  "required": ["id",]\n}')).toEqual({
      state: 'invalid',
      message: 'Invalid JSON at line 3, column 21: unexpected "]", expected a value.',
    });
  });

  it('refuses JSON that is not an object, and a schema that does not compile', () => {
    expect(checkSchemaText('[1]')).toEqual({
      state: 'invalid',
      message: 'A JSON Schema must be a JSON object: { … }.',
    });
    const check = checkSchemaText('{"type":"objekt"}');
    expect(check.state).toBe('invalid');
    if (check.state === 'invalid') expect(check.message).toMatch(/^Not a valid JSON Schema: .*type/);
  });
});

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', null],
    ['[1, -2.5e3, "x\\u00e9", true, false, null, {}]', null],
    ['{a:1}', { line: 1, column: 2, message: 'unexpected "a", expected a property name in double quotes' }],
    [
      '{"a":1,}',
      { line: 1, column: 8, message: 'unexpected "}", expected a property name in double quotes' },
    ],
    ['{"a" 1}', { line: 1, column: 6, message: 'unexpected "1", expected ":" after the property name' }],
    [
      '{"a":1',
      { line: 1, column: 7, message: 'unexpected end of text, expected "," or "}" after a property' },
    ],
    ['"abc', { line: 1, column: 5, message: 'unexpected end of text, expected a closing quote' }],
    ['01', { line: 1, column: 2, message: 'unexpected "1", expected nothing after the value' }],
    ['[tru]', { line: 1, column: 5, message: 'unexpected "]", expected "true"' }],
    [
      '{"a":\n  1.}',
      { line: 2, column: 5, message: 'unexpected "}", expected a digit after the decimal point' },
    ],
  ])('%s', (text, expected) => {
    expect(findJsonSyntaxError(text)).toEqual(expected);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a":[1,2,{"b":null}]}', '"\\n"', '-0', '1e+5', '{"a":"\\x"}', '[1,]', '"\t"']) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonSyntaxError(text) === null).toBe(parses);
    }
  });
});
