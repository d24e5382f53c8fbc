import {
  credentialValuesIn,
  isCredentialName,
  rewriteBodyCredentials,
  rewriteUrlCredentials,
  type CredentialPlace,
} from './credentials';

const MASK = '********';
const mask = () => MASK;

function placesIn(rewriteOf: (collect: (c: CredentialPlace) => string) => unknown): CredentialPlace[] {
  const found: CredentialPlace[] = [];
  rewriteOf((credential) => {
    found.push(credential);
    return credential.value;
  });
  return found;
}

describe(isCredentialName.name, () => {
  it.each([
    ['Authorization', true],
    ['X-Api-Key', true],
    ['api_key', true],
    ['apikey', true],
    ['key', true],
    ['access_token', true],
    ['client_secret', true],
    ['AWSAccessKeyId', true],
    ['private_key', true],
    ['password', true],
    ['sig', true],
    ['X-Request-Id', false],
    ['monkey', false],
    ['page', false],
    ['q', false],
    ['keyword', false],
  ])('%s → %s', (name, expected) => {
    expect(isCredentialName(name)).toBe(expected);
  });
});

describe(rewriteUrlCredentials.name, () => {
  it.each([
    ['a key in the query', 'https://a.example/v1?key=AIza-123&q=x', 'https://a.example/v1?key=********&q=x'],
    [
      'several credentials, the rest as written',
      'https://a.example/v1?q=a%20b&api_key=k1&access_token=t1#top',
      'https://a.example/v1?q=a%20b&api_key=********&access_token=********#top',
    ],
    ['a URL without a query', 'https://a.example/v1', 'https://a.example/v1'],
    ['an empty value', 'https://a.example/v1?token=&q=1', 'https://a.example/v1?token=&q=1'],
    ['a name without a value', 'https://a.example/v1?token&q=1', 'https://a.example/v1?token&q=1'],
    [
      'malformed encoding, left alone',
      'https://a.example/v1?key=%E0%A4%A',
      'https://a.example/v1?key=%E0%A4%A',
    ],
  ])('masks %s', (_label, url, expected) => {
    expect(rewriteUrlCredentials(url, mask)).toBe(expected);
  });

  it('names each occurrence of a repeated parameter, and passes values decoded', () => {
    expect(placesIn((c) => rewriteUrlCredentials('https://a/?key=a%2Bb&key=c+d', c))).toEqual([
      { place: 'key#0', value: 'a+b' },
      { place: 'key#1', value: 'c d' },
    ]);
  });

  it('writes a value back encoded', () => {
    expect(rewriteUrlCredentials('https://a/?key=x', () => 'a&b=c')).toBe('https://a/?key=a%26b%3Dc');
  });
});

describe(rewriteBodyCredentials.name, () => {
  it.each([
    [
      'a JSON field, formatting kept',
      '{\n  "client_id": "id",\n  "client_secret": "s3cr3t"\n}',
      '{\n  "client_id": "id",\n  "client_secret": "********"\n}',
    ],
    [
      'nested and in arrays',
      '{"a":{"password":"p1"},"list":[{"token":"t1"},{"name":"n"}]}',
      '{"a":{"password":"********"},"list":[{"token":"********"},{"name":"n"}]}',
    ],
    ['a non-string value, left alone', '{"token":42,"apiKey":null}', '{"token":42,"apiKey":null}'],
    ['escapes in a value', '{"secret":"a\\"b"}', '{"secret":"********"}'],
    [
      'a form body',
      'grant_type=password&username=me&password=p%40ss',
      'grant_type=password&username=me&password=********',
    ],
    ['text that is neither', 'hello world key=value', 'hello world key=value'],
    ['JSON with no credential', '{"query":"{ viewer { id } }"}', '{"query":"{ viewer { id } }"}'],
  ])('masks %s', (_label, body, expected) => {
    expect(rewriteBodyCredentials(body, mask)).toBe(expected);
  });

  it('names JSON fields by their pointer', () => {
    const body = '{"auth":{"client_secret":"s"},"list":[{"a/b":{"token":"t"}}]}';
    expect(placesIn((c) => rewriteBodyCredentials(body, c))).toEqual([
      { place: '/auth/client_secret', value: 's' },
      { place: '/list/0/a~1b/token', value: 't' },
    ]);
  });

  it('writes a JSON value back escaped', () => {
    expect(rewriteBodyCredentials('{"secret":"x"}', () => 'a"b')).toBe('{"secret":"a\\"b"}');
  });
});

describe(credentialValuesIn.name, () => {
  it('collects the query and body credentials', () => {
    expect(credentialValuesIn('https://a/?key=k1&q=2', '{"password":"p1","user":"u"}')).toEqual(['k1', 'p1']);
    expect(credentialValuesIn('https://a/', null)).toEqual([]);
  });
});
