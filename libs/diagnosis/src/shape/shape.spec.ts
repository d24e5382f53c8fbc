import { classifyDrift, describeShapeChange } from './classify-drift';
import {
  acceptShape,
  breakingChanges,
  compareShape,
  knowsShape,
  learnShape,
  LEARNING_RESPONSES,
  type LearnedShape,
} from './learned-shape';
import { shapeOf, SHAPE_LIMITS } from './response-shape';

const AT = new Date('2026-12-03T10:00:00Z');
const ORDER = {
  id: 'ord_1',
  price: 12.5,
  customer_id: 'cus_9',
  items: [{ sku: 'a', qty: 1 }],
  note: null,
};

function learned(...bodies: unknown[]): LearnedShape {
  return bodies.reduce<LearnedShape | null>((shape, body) => learnShape(shape, shapeOf(body), AT), null)!;
}
function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const { [key]: _gone, ...rest } = value;
  return rest as Partial<T>;
}
const baseline = () => learned(ORDER, { ...ORDER, items: [] }, ORDER);
const changesOf = (body: unknown, from = baseline()) =>
  compareShape(from, shapeOf(body))!.map(describeShapeChange);

describe('shapeOf', () => {
  it('records each path with its types, never a value; array items share a path', () => {
    expect(shapeOf({ a: 1, b: 'x', list: [{ c: true }, { c: null, d: 2.5 }], 'odd.key': [] })).toEqual({
      paths: {
        '(root)': ['object'],
        a: ['number'],
        b: ['string'],
        list: ['array'],
        'list[]': ['object'],
        'list[].c': ['boolean', 'null'],
        'list[].d': ['number'],
        '["odd.key"]': ['array'],
      },
      truncated: false,
    });
  });

  it('stays bounded whatever the body, and says when it left something out', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, i]));
    const shape = shapeOf(wide);
    expect(Object.keys(shape.paths)).toHaveLength(SHAPE_LIMITS.maxPaths);
    expect(shape.truncated).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { x: deep };
    expect(shapeOf(deep).truncated).toBe(true);
    expect(shapeOf(Array.from({ length: 100_000 }, () => ({ a: 1 }))).truncated).toBe(true);
  });
});

describe('compareShape', () => {
  it('learns from the first healthy responses before comparing', () => {
    const first = learnShape(null, shapeOf(ORDER), AT);
    expect(compareShape(first, shapeOf({ price: 'x' }))).toBeNull();
    expect(baseline().responses).toBe(LEARNING_RESPONSES);
  });

  it.each([
    ['the same shape', ORDER, []],
    ['an empty list where items were', { ...ORDER, items: [] }, []],
    ['a changed type', { ...ORDER, price: '12.50' }, ['field price changed from number to string']],
    ['a field gone', without(ORDER, 'customer_id'), ['field customer_id disappeared']],
    ['an object gone, said once', { ...ORDER, items: undefined }, ['field items disappeared']],
    [
      'a field of the list items gone',
      { ...ORDER, items: [{ sku: 'a' }] },
      ['field items[].qty disappeared'],
    ],
    [
      'an added field',
      { ...ORDER, discount: { code: 'X', percent: 5 } },
      ['field discount appeared (object)'],
    ],
    ['a body that is now a list', [ORDER], ['field (root) changed from object to array']],
  ])('%s', (_case, body, expected) => {
    expect(changesOf(body)).toEqual(expected);
  });

  it('does not expect a field that some healthy responses lacked', () => {
    const withCoupon = learned(ORDER, { ...ORDER, coupon: 'X' }, ORDER);
    expect(changesOf(ORDER, withCoupon)).toEqual([]);
  });

  it('does not count an added field alone as a break', () => {
    const changes = compareShape(baseline(), shapeOf({ ...ORDER, discount: 5 }))!;
    expect(changes).toHaveLength(1);
    expect(breakingChanges(changes)).toEqual([]);
  });

  it('takes a null seen while learning as one of the types', () => {
    expect(changesOf({ ...ORDER, note: null })).toEqual([]);
    expect(changesOf({ ...ORDER, note: 'hi' })).toEqual(['field note changed from null to string']);
  });
});

describe('acceptShape', () => {
  it('makes the new shape the learned one: the change is no longer reported, and a return to the old is', () => {
    const changed = { ...without(ORDER, 'customer_id'), price: '12.50' };
    const accepted = acceptShape(baseline(), shapeOf(changed), new Date('2026-12-04T09:00:00Z'));
    expect(compareShape(accepted, shapeOf(changed))).toEqual([]);
    expect(accepted.since).toBe('2026-12-04T09:00:00.000Z');
    expect(changesOf(ORDER, accepted)).toEqual([
      'field price changed from string to number',
      'field customer_id appeared (string)',
    ]);
  });
});

describe('knowsShape', () => {
  it('is true only once learning is done and nothing new appears', () => {
    expect(knowsShape(learnShape(null, shapeOf(ORDER), AT), shapeOf(ORDER))).toBe(false);
    expect(knowsShape(baseline(), shapeOf(ORDER))).toBe(true);
    expect(knowsShape(baseline(), shapeOf({ ...ORDER, extra: 1 }))).toBe(false);
  });
});

describe('classifyDrift', () => {
  it('is a degraded schema mismatch naming the fields and since when', () => {
    const changes = breakingChanges(
      compareShape(baseline(), shapeOf({ ...without(ORDER, 'customer_id'), price: '1' }))!,
    );
    expect(classifyDrift({ changes, since: AT.toISOString(), learnedFrom: 3 })).toMatchObject({
      status: 'degraded',
      category: 'schema_mismatch',
      message:
        "The response's shape changed since 2026-12-03 10:00 UTC: field price changed from number to string; field customer_id disappeared.",
    });
    expect(classifyDrift(null)).toBeNull();
  });
});
