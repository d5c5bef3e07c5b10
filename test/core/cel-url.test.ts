// The Kubernetes CEL URL library (url, isURL, getScheme...), over a port of Go's url.ParseRequestURI.
import { describe, expect, test } from 'vitest';
import { celEnvironment } from '../../server/src/core/schema/cel/environment';
import { parseRequestUri } from '../../server/src/core/schema/cel/go-url';

const evaluate = (expression: string, self: unknown): unknown => celEnvironment().evaluate(expression, { self });

describe('parseRequestUri accepts what Go accepts', () => {
  test.each([
    ['https://example.com/jwks.json', 'https', 'example.com'],
    ['HTTP://Example.com', 'http', 'Example.com'],
    ['http://[::1]:8080/x', 'http', '[::1]:8080'],
    ['http://user:p@ss@host/', 'http', 'host'],
    ['/just/a/path', '', ''],
    ['mailto:someone@example.com', 'mailto', ''],
    ['registry.local:5000/image', 'registry.local', ''],
    ['http://example.com/a b', 'http', 'example.com'],
    ['http://example.com/x#frag', 'http', 'example.com'],
    ['*', '', ''],
  ])('%s', (raw, scheme, host) => {
    const url = parseRequestUri(raw);
    expect(typeof url).toBe('object');
    expect(url).toMatchObject({ scheme, host });
  });
});

describe('parseRequestUri rejects what Go rejects', () => {
  test.each([
    ['', 'empty url'],
    ['example.com/jwks', 'invalid URI for request'],
    [':foo', 'missing protocol scheme'],
    ['http://example.com:port/', 'invalid port ":port" after host'],
    ['http://exa mple.com/', 'invalid character " " in host name'],
    ['http://%41.com/', 'invalid URL escape "%41"'],
    ['http://example.com/%zz', 'invalid URL escape "%zz"'],
    ['http://[::1/', "missing ']' in host"],
    ['http://a\nb/', 'net/url: invalid control character in URL'],
    ['http://us{er@host/', 'net/url: invalid userinfo'],
  ])('%j', (raw, error) => expect(parseRequestUri(raw)).toBe(error));
});

describe('CEL functions', () => {
  test('isURL', () => {
    expect(evaluate('isURL(self)', 'https://example.com')).toBe(true);
    expect(evaluate('isURL(self)', 'example.com')).toBe(false);
  });
  test('URL accessors', () => {
    const url = 'https://user@example.com:8443/a%2Fb/c d?x=1&x=2&y=%20';
    expect(evaluate('url(self).getScheme()', url)).toBe('https');
    expect(evaluate('url(self).getHost()', url)).toBe('example.com:8443');
    expect(evaluate('url(self).getHostname()', url)).toBe('example.com');
    expect(evaluate('url(self).getPort()', url)).toBe('8443');
    expect(evaluate('url(self).getEscapedPath()', 'https://example.com/a%2Fb')).toBe('/a%2Fb');
    expect(evaluate('url(self).getEscapedPath()', url)).toBe('/a/b/c%20d');
    expect(evaluate('url(self).getEscapedPath()', "https://example.com/[x]/it's")).toBe("/[x]/it's");
    expect(evaluate('url(self).getEscapedPath()', "https://example.com/it's é")).toBe('/it%27s%20%C3%A9');
    expect(evaluate('url(self).getQuery()["x"]', url)).toEqual(['1', '2']);
    expect(evaluate('url(self).getQuery()["y"][0]', url)).toBe(' ');
    expect(evaluate('url(self).getHostname()', 'http://[::1]:80/')).toBe('::1');
  });
  test('url() of an invalid URL is an error', () => expect(() => evaluate('url(self).getScheme()', 'nope')).toThrow(/URL parse error/));
});
