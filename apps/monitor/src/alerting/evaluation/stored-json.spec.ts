import { fromStoredJson, toStoredJson } from './stored-json';

describe('stored JSON', () => {
  it('gives back the dates of what it wrote, at any depth, and leaves strings that look like dates alone', () => {
    const data = {
      at: new Date('2026-12-01T10:00:00.000Z'),
      nested: [{ since: new Date('2026-12-01T09:00:00.123Z'), n: 3, none: null }],
      name: '2026-12-01T10:00:00.000Z',
      message: 'resolved at 2026-12-01T10:00:00.000Z',
    };
    expect(fromStoredJson(JSON.parse(toStoredJson(data)))).toEqual(data);
  });

  it('writes a top-level date too', () => {
    const at = new Date('2026-12-01T10:00:00.000Z');
    expect(fromStoredJson(JSON.parse(toStoredJson(at)))).toEqual(at);
  });
});
