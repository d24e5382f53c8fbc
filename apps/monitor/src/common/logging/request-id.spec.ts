import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(requestIdOf.name, () => {
  it.each(['abc-123', 'trace.id_42', 'a'.repeat(64)])('keeps a safe id: %s', (id) => {
    expect(requestIdOf(id)).toBe(id);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(65)],
    ['with a line break', 'abc\ninjected'],
    ['with spaces or quotes', 'a "b"'],
    ['repeated', ['a', 'b']],
  ])('replaces one %s with a new UUID', (_what, header) => {
    expect(requestIdOf(header)).toMatch(UUID);
  });
});
