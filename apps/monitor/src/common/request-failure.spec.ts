import { requestFailure } from './request-failure';

function fetchFailure(cause: object): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe(requestFailure.name, () => {
  it.each<[string, unknown, string]>([
    ['refused', fetchFailure({ code: 'ECONNREFUSED' }), 'connection refused (ECONNREFUSED)'],
    ['reset', fetchFailure({ code: 'ECONNRESET' }), 'connection reset (ECONNRESET)'],
    ['no such host', fetchFailure({ code: 'ENOTFOUND' }), 'DNS lookup failed: no such host (ENOTFOUND)'],
    [
      'closed mid-answer',
      fetchFailure({ code: 'UND_ERR_SOCKET' }),
      'connection closed before the answer (UND_ERR_SOCKET)',
    ],
    [
      'a bad certificate',
      fetchFailure({ code: 'CERT_HAS_EXPIRED' }),
      'TLS certificate expired (CERT_HAS_EXPIRED)',
    ],
    ['an unknown code', fetchFailure({ code: 'EWHATEVER' }), 'request failed (EWHATEVER)'],
    [
      'a port fetch refuses',
      fetchFailure(new Error('bad port')),
      'the port is one fetch refuses to connect to (BAD_PORT)',
    ],
    [
      'an abort',
      new DOMException('This operation was aborted', 'AbortError'),
      'the attempt was aborted (AbortError)',
    ],
    [
      'a deadline (AbortSignal.timeout)',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'the deadline passed (TimeoutError)',
    ],
    ['no error at all', 'boom', 'request failed'],
  ])('%s', (_, error, expected) => {
    expect(requestFailure(error)).toBe(expected);
  });

  it('never repeats the message, which may quote the URL and its secret', () => {
    const url = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';
    const failures = [
      new TypeError(`Failed to parse URL from ${url}`),
      fetchFailure(new Error(`connect ECONNREFUSED ${url}`)),
      Object.assign(new Error(url), { code: url }),
    ];
    for (const error of failures) expect(requestFailure(error)).not.toContain('SECRET');
  });
});
