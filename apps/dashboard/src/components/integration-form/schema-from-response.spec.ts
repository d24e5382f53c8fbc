import { probeResult } from './fixtures';
import { healthyJsonBody } from './schema-from-response';

const answering = (httpStatus: number | null, bodyExcerpt: string | null) =>
  probeResult({ httpStatus, evidence: { responseHeaders: {}, bodyExcerpt } });

describe(healthyJsonBody.name, () => {
  it.each<[string, ReturnType<typeof answering>, unknown]>([
    ['a 200 with a JSON object', answering(200, '{"items":[],"total":0}'), { items: [], total: 0 }],
    ['a 201 with a JSON array', answering(201, '[1,2]'), [1, 2]],
    ['a JSON error body of a 401: not the healthy shape', answering(401, '{"error":"expired"}'), null],
    ['a body cut short', answering(200, '{"items":[{"id":1},'), null],
    ['a bare JSON value', answering(200, '42'), null],
    ['HTML', answering(200, '<html></html>'), null],
    ['no answer at all', answering(null, null), null],
  ])('%s', (_label, result, expected) => {
    expect(healthyJsonBody(result)).toEqual(expected);
  });
});
