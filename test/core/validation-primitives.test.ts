// Unit tests of the pure validation primitives that mirror Istio's Go helpers.
import { describe, expect, test } from 'vitest';
import {
  fqdnProblem,
  gatewayVirtualHostProblem,
  hostsOverlap,
  hostSubsetOf,
  isDns1123Label,
  isPartialWildcard,
  isWildcardDns1123Label,
  wildcardDomainProblem,
} from '../../server/src/core/istio/validation/dns';
import { durationProblem, isWholeSeconds, parseDuration } from '../../server/src/core/istio/validation/duration';
import {
  corsHeaderNameProblem,
  headerOperationNameProblem,
  headerValueProblem,
  isJwtClaimRoutingKey,
  matchHeaderNameProblem,
  requestSetHeaderNameProblem,
} from '../../server/src/core/istio/validation/headers';
import { labelKeyProblem, labelValueProblem } from '../../server/src/core/istio/validation/labels';
import { isCidr, isIpAddress, isValidPort, subnetProblem, unixAddressProblem } from '../../server/src/core/istio/validation/network';
import { isHttpProtocol, isTcpProtocol, isTlsProtocol, parseProtocol } from '../../server/src/core/istio/validation/protocol';
import { re2CompileError, regexProblem } from '../../server/src/core/istio/validation/regex';
import { isValidRetryOn } from '../../server/src/core/istio/validation/retry';

describe('ports', () => {
  test('1..65535 integers only', () => {
    expect([1, 80, 65535].every(isValidPort)).toBe(true);
    expect([0, -1, 65536, 80.5, '80', null].some(isValidPort)).toBe(false);
  });
});

describe('durations', () => {
  test('parses Go duration syntax to nanoseconds', () => {
    expect(parseDuration('1h2m3s')).toBe(3_723_000_000_000n);
    expect(parseDuration('1.5ms')).toBe(1_500_000n);
    expect(parseDuration('.5s')).toBe(500_000_000n);
    expect(parseDuration('100us')).toBe(100_000n);
    expect(parseDuration('100µs')).toBe(100_000n);
    expect(parseDuration('0')).toBe(0n);
    expect(parseDuration('-2s')).toBe(-2_000_000_000n);
  });
  test('rejects what Go rejects', () => {
    for (const bad of ['', '1', 's', '1x', '1d', '1.2.3s', 'abc', '1 s', '++1s']) expect(parseDuration(bad), bad).toBeUndefined();
  });
  test('ValidateDuration: at least 1ms and whole milliseconds', () => {
    expect(durationProblem('1ms')).toBeUndefined();
    expect(durationProblem('1.5s')).toBeUndefined();
    expect(durationProblem('1.5ms')).toBe('not-whole-ms');
    expect(durationProblem('1000500us')).toBe('not-whole-ms');
    expect(durationProblem('0.5ms')).toBe('below-1ms');
    expect(durationProblem('0s')).toBe('below-1ms');
    expect(durationProblem('soon')).toBe('invalid');
  });
  test('whole seconds', () => {
    expect(isWholeSeconds('24h')).toBe(true);
    expect(isWholeSeconds('1500ms')).toBe(false);
  });
});

describe('DNS names', () => {
  test('DNS-1123 labels accept upper case, not underscores or long labels', () => {
    expect(isDns1123Label('Reviews-v2')).toBe(true);
    expect(isDns1123Label('reviews_v2')).toBe(false);
    expect(isDns1123Label('-a')).toBe(false);
    expect(isDns1123Label('a'.repeat(63))).toBe(true);
    expect(isDns1123Label('a'.repeat(64))).toBe(false);
  });
  test('wildcard labels', () => {
    for (const ok of ['*', '*foo', '*-foo', 'foo']) expect(isWildcardDns1123Label(ok), ok).toBe(true);
    for (const bad of ['foo*', '**', '*.', 'f*o']) expect(isWildcardDns1123Label(bad), bad).toBe(false);
  });
  test('FQDNs', () => {
    expect(fqdnProblem('istio.io')).toBeUndefined();
    expect(fqdnProblem('istio.io.')).toBeUndefined();
    expect(fqdnProblem('mesh')).toBeUndefined();
    expect(fqdnProblem('')).toMatch(/empty/);
    expect(fqdnProblem('a.123')).toMatch(/all digits/);
    expect(fqdnProblem('*.istio.io')).toMatch(/label '\*'/);
    expect(fqdnProblem(`${'a.'.repeat(128)}io`)).toMatch(/too long/);
  });
  test('wildcard domains allow a wildcard in the first label only', () => {
    expect(wildcardDomainProblem('*')).toBeUndefined();
    expect(wildcardDomainProblem('*.example.com')).toBeUndefined();
    expect(wildcardDomainProblem('*foo.example.com')).toBeUndefined();
    expect(wildcardDomainProblem('a.*.example.com')).toMatch(/label '\*'/);
    expect(wildcardDomainProblem('foo*.example.com')).toMatch(/label 'foo\*'/);
  });
  test('partial wildcards', () => {
    expect(isPartialWildcard('*')).toBe(false);
    expect(isPartialWildcard('*.example.com')).toBe(false);
    expect(isPartialWildcard('*example.com')).toBe(true);
    expect(isPartialWildcard('example.com')).toBe(false);
  });
  test('gateway-bound SNI hosts may use the AUTO_PASSTHROUGH form', () => {
    expect(gatewayVirtualHostProblem(true, 'outbound_.80_._.reviews.prod.svc.cluster.local')).toBeUndefined();
    expect(gatewayVirtualHostProblem(true, 'outbound_.abc_._.reviews')).toMatch(/not a port/);
    expect(gatewayVirtualHostProblem(false, 'outbound_.80_._.reviews')).toMatch(/invalid/);
  });
  test('host overlap and subsets are wildcard-aware', () => {
    expect(hostsOverlap('*.foo.com', 'a.foo.com')).toBe(true);
    expect(hostsOverlap('*.foo.com', '*.bar.foo.com')).toBe(true);
    expect(hostsOverlap('*', 'anything')).toBe(true);
    expect(hostsOverlap('*.foo.com', 'foo.com')).toBe(false);
    expect(hostsOverlap('a.com', 'b.com')).toBe(false);
    expect(hostSubsetOf('a.foo.com', '*.foo.com')).toBe(true);
    expect(hostSubsetOf('*.a.foo.com', '*.foo.com')).toBe(true);
    expect(hostSubsetOf('*.foo.com', 'a.foo.com')).toBe(false);
  });
});

describe('IP addresses and subnets', () => {
  test('IPv4 and IPv6 as netip parses them', () => {
    for (const ok of ['10.0.0.1', '0.0.0.0', '::', '::1', '2001:db8::1', 'fe80::1%eth0', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8']) expect(isIpAddress(ok), ok).toBe(true);
    for (const bad of ['10.0.0', '256.0.0.1', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', 'example.com', '', ':::']) expect(isIpAddress(bad), bad).toBe(false);
  });
  test('CIDR blocks', () => {
    expect(isCidr('10.0.0.0/8')).toBe(true);
    expect(isCidr('2001:db8::/32')).toBe(true);
    expect(isCidr('10.0.0.0/33')).toBe(false);
    expect(isCidr('10.0.0.0/08')).toBe(false);
    expect(subnetProblem('10.0.0.1')).toBeUndefined();
    expect(subnetProblem('10.0.0.0/33')).toMatch(/CIDR/);
    expect(subnetProblem('nope')).toMatch(/IP address/);
  });
  test('unix socket paths', () => {
    expect(unixAddressProblem('/var/run/app.sock')).toBeUndefined();
    expect(unixAddressProblem('@abstract')).toBeUndefined();
    expect(unixAddressProblem('relative.sock')).toMatch(/absolute/);
    expect(unixAddressProblem('/var/run/')).toMatch(/absolute/);
    expect(unixAddressProblem('')).toMatch(/empty/);
  });
});

describe('labels', () => {
  test('keys: optional DNS prefix and a qualified name', () => {
    expect(labelKeyProblem('app')).toBeUndefined();
    expect(labelKeyProblem('app.kubernetes.io/name')).toBeUndefined();
    expect(labelKeyProblem('app version')).toBeDefined();
    expect(labelKeyProblem('-app')).toBeDefined();
    expect(labelKeyProblem('a'.repeat(64))).toMatch(/longer than 63/);
  });
  test('values: empty or a qualified name', () => {
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('v1.2_3')).toBeUndefined();
    expect(labelValueProblem('canary!')).toBeDefined();
  });
});

describe('regexes (RE2)', () => {
  test('accepts RE2 syntax, including (?P<name>) and inline flags', () => {
    for (const ok of ['^/api/v[0-9]+$', '(?i)abc', '(?P<name>x)', '\\p{Greek}+', '[[:alpha:]]', '\\Q.*\\E', 'a{2,5}']) expect(re2CompileError(ok), ok).toBeUndefined();
  });
  test('rejects what RE2 rejects', () => {
    expect(re2CompileError('a(?=b)')).toMatch(/Perl syntax/);
    expect(re2CompileError('(a)\\1')).toMatch(/escape sequence/);
    expect(re2CompileError('a*+')).toMatch(/nested repetition/);
    expect(re2CompileError('\\Z')).toMatch(/escape sequence/);
    expect(re2CompileError('a{1001}')).toMatch(/repeat count/);
    expect(re2CompileError('(')).toMatch(/missing closing/);
  });
  test('limits the length to 1024 bytes', () => {
    expect(regexProblem('a'.repeat(1024))).toBeUndefined();
    expect(regexProblem('a'.repeat(1025))).toMatch(/too long/);
    expect(regexProblem('é'.repeat(600))).toMatch(/1200 bytes/);
  });
});

describe('headers', () => {
  test('match header names', () => {
    expect(matchHeaderNameProblem('x-user')).toBeUndefined();
    expect(matchHeaderNameProblem('X-Upper')).toBeUndefined();
    expect(matchHeaderNameProblem(':authority')).toBeUndefined();
    expect(matchHeaderNameProblem(':host')).toBeDefined();
    expect(matchHeaderNameProblem('x user')).toBeDefined();
    expect(matchHeaderNameProblem('')).toMatch(/empty/);
  });
  test('JWT claim routing keys', () => {
    expect(isJwtClaimRoutingKey('@request.auth.claims.group')).toBe(true);
    expect(isJwtClaimRoutingKey('@request.auth.claims[a][b]')).toBe(true);
    expect(isJwtClaimRoutingKey('@request.auth.claims')).toBe(false);
    expect(isJwtClaimRoutingKey('@request.auth.claims.')).toBe(false);
    expect(isJwtClaimRoutingKey('@request.auth.claims[]')).toBe(false);
  });
  test('header operations', () => {
    expect(requestSetHeaderNameProblem(':authority')).toBeUndefined();
    expect(requestSetHeaderNameProblem('Host')).toBeUndefined();
    expect(requestSetHeaderNameProblem(':path')).toBeDefined();
    expect(headerOperationNameProblem('host')).toBeDefined();
    expect(headerOperationNameProblem(':authority')).toBeDefined();
    expect(headerOperationNameProblem('x-a')).toBeUndefined();
    expect(corsHeaderNameProblem('*')).toBeUndefined();
    expect(corsHeaderNameProblem('a b')).toBeDefined();
  });
  test('header values: Envoy %VARIABLE% syntax', () => {
    for (const ok of ['foo', '%HOSTNAME%', '100%%', 'prefix %HOSTNAME% suffix', '%REQ(x-id)%', '%UPSTREAM_METADATA(["a", "b"])%', '']) expect(headerValueProblem(ok), ok).toBeUndefined();
    for (const bad of ['abc%123', '%START_TIME%%', '50%', '%REQ(x', '%A(["a" x])%', 'a\nb']) expect(headerValueProblem(bad), bad).toBeDefined();
  });
});

describe('protocols', () => {
  test('known protocols, case-insensitive', () => {
    expect(parseProtocol('http')).toBe('HTTP');
    expect(parseProtocol('grpc-web')).toBe('GRPC-WEB');
    expect(parseProtocol('SCTP')).toBeUndefined();
    expect(isHttpProtocol('GRPC')).toBe(true);
    expect(isTlsProtocol('https')).toBe(true);
    expect(isTcpProtocol('MONGO')).toBe(true);
    expect(isTcpProtocol('HTTP')).toBe(false);
  });
});

describe('retryOn', () => {
  test('policies and known HTTP status codes, without trimming', () => {
    expect(isValidRetryOn('5xx')).toBe(true);
    expect(isValidRetryOn('503')).toBe(true);
    expect(isValidRetryOn('999')).toBe(false);
    expect(isValidRetryOn(' reset')).toBe(false);
    expect(isValidRetryOn('')).toBe(false);
  });
});
