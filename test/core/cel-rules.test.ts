// The Istio CRDs' CEL rules, evaluated on converted data as the API server would.
import { describe, expect, test } from 'vitest';
import { celConverter } from '../../server/src/core/schema/cel/convert';
import { evaluateRule } from '../../server/src/core/schema/cel/evaluate';

/** true when the rule holds (or cannot be decided), false when it is broken. */
function holds(rule: string, self: unknown): boolean {
  return evaluateRule({ rule, message: 'broken' }, self) === undefined;
}

const DURATION = "duration(self) >= duration('1ms')";
const PORT = '0 < self && self <= 65535';
const UNIX_PORTS = '(has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true';
const UNIX_ABSOLUTE = 'self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true';
const UNIX_DIR = 'self.startsWith("unix://") ? !self.endsWith("/") : true';
const ONE_OF = '(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1';
const HTTP_URL = 'url(self).getScheme() in ["http", "https"]';
const UNIQUE_PORTS = 'self.all(l1, self.exists_one(l2, l1.number == l2.number))';
const PORT_NAMES = 'self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))';
const WASM_URL =
  'isURL(self) ? (url(self).getScheme() in ["", "http", "https", "file", "oci"]) : (isURL("http://" + self) &&\nurl("http://" + self).getScheme() in ["", "http", "https", "file", "oci"])';

describe('duration >= 1ms', () => {
  test.each(['1ms', '1.5s', '100ms', '1h2m', '0.001s', '1000us', '1h2m3s4ms'])('%s holds', (d) => expect(holds(DURATION, d)).toBe(true));
  test.each(['0.5ms', '999us', '0s', '-1s'])('%s breaks it', (d) => expect(holds(DURATION, d)).toBe(false));
  // The API server rejects a string that is no duration with an evaluation error.
  test.each(['5 s', '1d', 'abc', ''])('unparsable %j breaks it', (d) => expect(holds(DURATION, d)).toBe(false));
});

describe('port range', () => {
  test('CEL ints in range hold', () => {
    expect(holds(PORT, 1n)).toBe(true);
    expect(holds(PORT, 65535n)).toBe(true);
  });
  test('out of range breaks it', () => {
    expect(holds(PORT, 0n)).toBe(false);
    expect(holds(PORT, 70000n)).toBe(false);
  });
  test('a string is not evaluated (the schema reports the type)', () => expect(holds(PORT, '80')).toBe(true));
});

test('!self.contains("*")', () => {
  expect(holds('!self.contains("*")', 'reviews')).toBe(true);
  expect(holds('!self.contains("*")', 'rev*')).toBe(false);
});

describe('unix:// address rules', () => {
  test('UDS may not include ports', () => {
    expect(holds(UNIX_PORTS, { address: 'unix:///var/run/sock', ports: { http: 80n } })).toBe(false);
    expect(holds(UNIX_PORTS, { address: 'unix:///var/run/sock' })).toBe(true);
    expect(holds(UNIX_PORTS, { address: '10.0.0.1', ports: { http: 80n } })).toBe(true);
    expect(holds(UNIX_PORTS, { network: 'n1' })).toBe(true);
  });
  test('UDS must be an absolute path or abstract socket', () => {
    expect(holds(UNIX_ABSOLUTE, 'unix:///var/run/sock')).toBe(true);
    expect(holds(UNIX_ABSOLUTE, 'unix://@abstract')).toBe(true);
    expect(holds(UNIX_ABSOLUTE, 'unix://relative/sock')).toBe(false);
    expect(holds(UNIX_ABSOLUTE, '10.0.0.1')).toBe(true);
    // substring(7, 8) is out of range: an evaluation error, which the API server rejects.
    expect(holds(UNIX_ABSOLUTE, 'unix://')).toBe(false);
  });
  test('UDS may not be a dir', () => {
    expect(holds(UNIX_DIR, 'unix:///var/run/')).toBe(false);
    expect(holds(UNIX_DIR, 'unix:///var/run/sock')).toBe(true);
  });
});

test('at most one of selector, targetRef, targetRefs', () => {
  expect(holds(ONE_OF, {})).toBe(true);
  expect(holds(ONE_OF, { selector: { matchLabels: { app: 'a' } } })).toBe(true);
  expect(holds(ONE_OF, { selector: {}, targetRef: { kind: 'Gateway', name: 'g' } })).toBe(false);
  expect(holds(ONE_OF, { targetRef: {}, targetRefs: [] })).toBe(false);
});

describe('url(self).getScheme() in ["http", "https"]', () => {
  test.each(['https://example.com/jwks.json', 'http://10.0.0.1:8080/keys', 'HTTPS://EXAMPLE.COM/'])('%s holds', (u) => expect(holds(HTTP_URL, u)).toBe(true));
  test.each(['ftp://example.com/keys', 'file:///etc/keys', 'mailto:someone@example.com'])('%s breaks it', (u) => expect(holds(HTTP_URL, u)).toBe(false));
  // url() fails on these; the API server rejects them with a parse error.
  test.each(['example.com/keys', '', 'http://example.com:port/', 'http://exa mple.com/'])('unparsable %j breaks it', (u) => expect(holds(HTTP_URL, u)).toBe(false));
});

test('WasmPlugin url accepts OCI references without a scheme', () => {
  expect(holds(WASM_URL, 'oci://ghcr.io/istio/wasm:1.0')).toBe(true);
  expect(holds(WASM_URL, 'ghcr.io/istio/wasm/plugin:1.0')).toBe(true);
  expect(holds(WASM_URL, 'file:///opt/filter.wasm')).toBe(true);
  expect(holds(WASM_URL, 'ftp://example.com/filter.wasm')).toBe(false);
  // Go reads `host:port/...` as scheme `host` with an opaque rest, so the API server rejects it too.
  expect(holds(WASM_URL, 'registry.local:5000/filter:1.0')).toBe(false);
});

describe('unique port numbers', () => {
  const convert = celConverter({ type: 'array', items: { type: 'object', properties: { number: { type: 'integer' }, name: { type: 'string' } } } });
  test('distinct numbers hold', () => expect(holds(UNIQUE_PORTS, convert([{ number: 80, name: 'http' }, { number: 443, name: 'https' }]))).toBe(true));
  test('a repeated number breaks it', () => expect(holds(UNIQUE_PORTS, convert([{ number: 80, name: 'http' }, { number: 80, name: 'http2' }]))).toBe(false));
  test('an empty list holds', () => expect(holds(UNIQUE_PORTS, [])).toBe(true));
});

test('port names', () => {
  expect(holds(PORT_NAMES, { http: 80n, 'grpc-web': 9090n })).toBe(true);
  expect(holds(PORT_NAMES, { '-http': 80n })).toBe(false);
  expect(holds(PORT_NAMES, { http_2: 80n })).toBe(false);
  expect(holds(PORT_NAMES, { ['a'.repeat(63)]: 80n })).toBe(false);
});

test('portLevelMtls keys are port numbers', () => {
  const rule = 'self.all(key, 0 < int(key) && int(key) <= 65535)';
  expect(holds(rule, { '8080': {} })).toBe(true);
  expect(holds(rule, { '70000': {} })).toBe(false);
  expect(holds(rule, { http: {} })).toBe(false);
});

test('a missing field read without has() breaks the rule, as in Kubernetes', () => {
  const rule = '((has(self.operation) ? self.operation : "") == "UPSERT") ? (self.value != "") : true';
  expect(holds(rule, { operation: 'UPSERT', value: 'x' })).toBe(true);
  expect(holds(rule, { operation: 'UPSERT', value: '' })).toBe(false);
  expect(holds(rule, { operation: 'UPSERT' })).toBe(false);
  expect(holds(rule, { operation: 'REMOVE' })).toBe(true);
});

describe('messages', () => {
  test('the rule message', () => expect(evaluateRule({ rule: 'self.size() == 0', message: 'cross namespace referencing is not currently supported' }, 'ns')).toBe('cross namespace referencing is not currently supported'));
  test('messageExpression wins when it yields a string', () => expect(evaluateRule({ rule: 'self < 10', message: 'too big', messageExpression: '"got " + string(self)' }, 12n)).toBe('got 12'));
  test('a failing messageExpression falls back to the message', () => expect(evaluateRule({ rule: 'self < 10', message: 'too big', messageExpression: 'self.nothing' }, 12n)).toBe('too big'));
  test('without a message, Kubernetes’ default', () => expect(evaluateRule({ rule: 'self < 10' }, 12n)).toBe('failed rule: self < 10'));
});

describe('never throws', () => {
  test.each([
    ['a syntax error', 'self.(', 'x'],
    ['an unknown function', 'frobnicate(self)', 'x'],
    ['a transition rule', 'self == oldSelf', 'x'],
    ['a type error on data', 'self.size() > 1', 5n],
    ['a non-bool rule', 'self', 'x'],
    ['a regex JavaScript cannot read', 'self.matches("(?i)abc")', 'abc'],
  ])('%s yields no failure', (_name, rule, self) => expect(evaluateRule({ rule, message: 'broken' }, self)).toBeUndefined());
});
