import type { Category } from '../categories';
import { commonMessage, groupHeadline } from './group-headline';
import type { NotificationKind } from './notification';

const dns = (host: string) => `DNS lookup of ${host} failed: no such host (ENOTFOUND).`;

describe(commonMessage.name, () => {
  it.each<[string, string[], string | null]>([
    [
      'one message is itself, without its full stop',
      [dns('api.a.com')],
      'DNS lookup of api.a.com failed: no such host (ENOTFOUND)',
    ],
    [
      'the same message twice',
      [dns('api.a.com'), dns('api.a.com')],
      'DNS lookup of api.a.com failed: no such host (ENOTFOUND)',
    ],
    [
      'messages differing in a host: the host becomes …',
      [dns('api.a.com'), dns('api.b.com'), dns('c.io')],
      'DNS lookup of … failed: no such host (ENOTFOUND)',
    ],
    [
      'words differing side by side become one …',
      [
        'Could not reach api.a.com 10.0.0.1: connection refused.',
        'Could not reach api.b.com 10.0.0.2: connection refused.',
      ],
      'Could not reach … connection refused',
    ],
    [
      'messages of different lengths share nothing stated',
      [dns('api.a.com'), 'Bearer token expired 2 h ago.'],
      null,
    ],
    [
      'messages of one length that share less than half',
      ['Internal server error (500).', 'Bad gateway from upstream (502).'],
      null,
    ],
  ])('%s', (_, messages, expected) => {
    expect(commonMessage(messages)).toBe(expected);
  });
});

describe(groupHeadline.name, () => {
  const fourteen = Array.from({ length: 14 }, (_, i) => ({
    name: `API ${i}`,
    message: dns(`api${i}.example.com`),
  }));
  it.each<[string, NotificationKind, Category, { name: string; message: string }[], string]>([
    [
      'many integrations failing the same way',
      'firing',
      'connectivity',
      fourteen,
      '14 integrations: connectivity, DNS lookup of … failed: no such host (ENOTFOUND)',
    ],
    [
      'one integration is named',
      'firing',
      'authentication',
      [{ name: 'Payments API', message: 'Bearer token expired 2 h ago.' }],
      'Payments API: authentication, Bearer token expired 2 h ago',
    ],
    [
      'resolved',
      'resolved',
      'connectivity',
      fourteen,
      '14 integrations resolved: connectivity, DNS lookup of … failed: no such host (ENOTFOUND)',
    ],
    [
      'a reminder',
      'renotify',
      'connectivity',
      fourteen.slice(0, 2),
      '2 integrations still failing: connectivity, DNS lookup of … failed: no such host (ENOTFOUND)',
    ],
    [
      'a category change names the new category',
      'category_changed',
      'rate_limiting',
      [{ name: 'Payments API', message: 'Rate limit exceeded (429).' }],
      'Payments API changed category: rate limiting, Rate limit exceeded (429)',
    ],
    [
      'flapping',
      'flapping',
      'server_error',
      [{ name: 'Payments API', message: 'Internal server error (500).' }],
      'Payments API flapping: server error (500), Internal server error (500)',
    ],
    [
      'nothing in common: the category alone',
      'firing',
      'server_error',
      [
        { name: 'A', message: 'Internal server error (500).' },
        { name: 'B', message: 'The response headers exceed the limit.' },
      ],
      '2 integrations: server error (500)',
    ],
  ])('%s', (_, kind, category, integrations, expected) => {
    expect(groupHeadline(kind, category, integrations)).toBe(expected);
  });
});
