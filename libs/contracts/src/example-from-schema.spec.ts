import { exampleFromSchema } from './example-from-schema';
import { inferJsonSchema } from './infer-json-schema';

describe(exampleFromSchema.name, () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['a string', { type: 'string' }, 'string'],
    ['a formatted string', { type: 'string', format: 'date-time' }, '2026-01-31T12:00:00Z'],
    ['an integer from its minimum', { type: 'integer', minimum: 1.5 }, 2],
    ['a nullable number', { type: ['number', 'null'] }, 0],
    ['the first of an enum', { enum: ['paid', 'open'] }, 'paid'],
    ['a const', { const: 'card' }, 'card'],
    ['the schema’s own example', { type: 'string', examples: ['EUR'] }, 'EUR'],
    ['the first non-null choice', { anyOf: [{ type: 'null' }, { type: 'boolean' }] }, true],
    [
      'all parts of an allOf',
      { allOf: [{ properties: { a: { type: 'integer' } } }, { properties: { b: { type: 'string' } } }] },
      { a: 0, b: 'string' },
    ],
    ['a tuple', { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }] }, [0, 'string']],
    ['anything', {}, null],
  ])('%s', (_label, schema, expected) => {
    expect(exampleFromSchema(schema)).toEqual(expected);
  });

  it('follows $defs, and stops a recursive schema instead of looping', () => {
    const node = exampleFromSchema({
      $ref: '#/$defs/Node',
      $defs: {
        Node: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            children: { type: 'array', items: { $ref: '#/$defs/Node' } },
          },
        },
      },
    });
    expect(node).toMatchObject({
      id: '3f2b8a1e-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
      children: [{ children: [{}] }],
    });
    expect(JSON.stringify(node).length).toBeLessThan(2000);
  });

  it('gives back the shape of the sample a schema was inferred from', () => {
    const sample = {
      id: 1,
      price: 9.5,
      createdAt: '2026-12-04T10:00:00Z',
      tags: ['a'],
      customer: { email: 'a@b.co' },
    };
    const example = exampleFromSchema(inferJsonSchema([sample])) as Record<string, unknown>;
    expect(Object.keys(example)).toEqual(Object.keys(sample));
    expect(example).toMatchObject({
      id: 0,
      price: 0,
      tags: ['string'],
      customer: { email: 'user@example.com' },
    });
  });
});
