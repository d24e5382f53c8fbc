import { checkJsonSchema, compileJsonSchema, MAX_SCHEMA_ERRORS } from './json-schema';

const widgets = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'number' } },
      },
    },
  },
};

describe(checkJsonSchema.name, () => {
  it.each<[string, Record<string, unknown>, unknown, { path: string; message: string }[]]>([
    ['a conforming body', widgets, { items: [{ id: 1, name: 'a', price: 1 }] }, []],
    [
      'a renamed field',
      widgets,
      { items: [{ id: 1, title: 'a' }] },
      [{ path: '/items/0/name', message: 'is required but missing' }],
    ],
    [
      'a changed type',
      widgets,
      { items: [{ id: 1, name: 'a', price: '9.99' }] },
      [{ path: '/items/0/price', message: 'must be number' }],
    ],
    [
      'draft-07 with definitions',
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { n: { type: 'number' } },
        properties: { a: { $ref: '#/definitions/n' } },
      },
      { a: 'x' },
      [{ path: '/a', message: 'must be number' }],
    ],
    [
      'draft 2020-12 with $defs and prefixItems',
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $defs: { s: { type: 'string' } },
        prefixItems: [{ $ref: '#/$defs/s' }],
      },
      [1],
      [{ path: '/0', message: 'must be string' }],
    ],
    [
      'a format',
      { type: 'string', format: 'email' },
      'nope',
      [{ path: '/', message: 'must match format "email"' }],
    ],
  ])('%s', (_label, schema, value, issues) => {
    expect(checkJsonSchema(schema, value)).toEqual(issues);
  });

  it('keeps at most 20 issues', () => {
    const many = Array.from({ length: 50 }, () => ({ id: 'x' }));
    expect(checkJsonSchema(widgets, { items: many })).toHaveLength(MAX_SCHEMA_ERRORS);
  });

  it('compiles each distinct schema once', () => {
    expect(compileJsonSchema({ ...widgets })).toBe(compileJsonSchema(JSON.parse(JSON.stringify(widgets))));
  });

  it('lets two schemas share an $id', () => {
    expect(() => {
      compileJsonSchema({ $id: 'https://x/s', type: 'string' });
      compileJsonSchema({ $id: 'https://x/s', type: 'number' });
    }).not.toThrow();
  });
});
