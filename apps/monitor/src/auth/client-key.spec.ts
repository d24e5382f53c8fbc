import { clientKey } from './client-key';

describe(clientKey.name, () => {
  it.each<[string | undefined, string | string[] | undefined, string]>([
    ['203.0.113.7', undefined, '203.0.113.7'],
    ['::ffff:203.0.113.7', undefined, '203.0.113.7'],
    ['2001:db8::1', undefined, '2001:db8::1'],
    // Only a loopback peer (the dashboard's server) may name the client.
    ['203.0.113.7', '198.51.100.1', '203.0.113.7'],
    ['127.0.0.1', '198.51.100.1, 10.0.0.1', '198.51.100.1'],
    ['::1', '2001:db8::2', '2001:db8::2'],
    ['::ffff:127.0.0.1', ['198.51.100.1', '10.0.0.1'], '198.51.100.1'],
    ['127.0.0.1', undefined, '127.0.0.1'],
    ['127.0.0.1', ' , 10.0.0.1', '127.0.0.1'],
    [undefined, '198.51.100.1', 'unknown'],
  ])('peer %s, X-Forwarded-For %j → %s', (peer, forwardedFor, expected) => {
    expect(clientKey(peer, forwardedFor)).toBe(expected);
  });
});
