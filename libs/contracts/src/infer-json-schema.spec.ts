import { checkJsonSchema } from './json-schema';
import { inferJsonSchema } from './infer-json-schema';

const DIALECT = { $schema: 'https://json-schema.org/draft/2020-12/schema' };

describe(inferJsonSchema.name, () => {
  it.each<[string, unknown[], Record<string, unknown>]>([
    ['a whole number', [3], { type: 'integer' }],
    ['whole and fractional numbers', [3, 2.5], { type: 'number' }],
    ['a string with no format', ['hello'], { type: 'string' }],
    [
      'date-times, every one',
      ['2026-12-04T10:00:00Z', '2026-12-04T10:00:00.123+01:00'],
      { type: 'string', format: 'date-time' },
    ],
    ['a date and a date-time: no format', ['2026-12-04', '2026-12-04T10:00:00Z'], { type: 'string' }],
    ['a uri', ['https://api.example.com/v1/orders/7'], { type: 'string', format: 'uri' }],
    ['an email', ['ops@example.com'], { type: 'string', format: 'email' }],
    ['a uuid', ['8f14e45f-ceea-467f-a0e6-ae3c1a4b6d21'], { type: 'string', format: 'uuid' }],
    ['sometimes null', ['a', null], { type: ['string', 'null'] }],
    ['an empty array', [[]], { type: 'array' }],
    ['an array of mixed numbers', [[1, 2.5]], { type: 'array', items: { type: 'number' } }],
    ['no samples: anything', [], {}],
  ])('%s', (_label, samples, expected) => {
    expect(inferJsonSchema(samples)).toEqual({ ...DIALECT, ...expected });
  });

  it('makes fields every sample has required, the others optional, and allows fields it never saw', () => {
    const schema = inferJsonSchema([
      { id: 1, price: 9.5, tags: ['a'], customer: { id: 'c1', email: 'a@example.com' } },
      { id: 2, price: 10, tags: [], customer: null, coupon: 'X' },
    ]);
    expect(schema).toEqual({
      ...DIALECT,
      type: 'object',
      properties: {
        id: { type: 'integer' },
        price: { type: 'number' },
        tags: { type: 'array', items: { type: 'string' } },
        customer: {
          anyOf: [
            {
              type: 'object',
              properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' } },
              required: ['id', 'email'],
            },
            { type: 'null' },
          ],
        },
        coupon: { type: 'string' },
      },
      required: ['id', 'price', 'tags', 'customer'],
    });
  });

  it('gives a schema Ajv compiles, that its samples pass and a renamed or retyped field fails', () => {
    const healthy = [
      {
        data: [{ id: 'o1', total: 12.5, createdAt: '2026-12-04T10:00:00Z' }],
        next: 'https://api.example.com/o?p=2',
      },
      { data: [{ id: 'o2', total: 3, createdAt: '2026-12-03T09:00:00Z' }], next: null },
    ];
    const schema = inferJsonSchema(healthy);
    for (const sample of healthy) expect(checkJsonSchema(schema, sample)).toEqual([]);
    expect(
      checkJsonSchema(schema, {
        data: [{ id: 'o3', amount: 1, createdAt: '2026-12-04T10:00:00Z' }],
        next: null,
      }),
    ).toEqual([{ path: '/data/0/total', message: 'is required but missing' }]);
    expect(
      checkJsonSchema(schema, { data: [{ id: 'o4', total: '1.00', createdAt: 'yesterday' }], next: null }),
    ).toEqual([
      { path: '/data/0/total', message: 'must be number' },
      { path: '/data/0/createdAt', message: 'must match format "date-time"' },
    ]);
    expect(checkJsonSchema(schema, { ...healthy[0], added: true })).toEqual([]);
  });
});
