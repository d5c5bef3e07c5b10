// Schema-guided conversion of YAML data into CEL values: ints, pruning, type mismatches, no copying.
import { describe, expect, test } from 'vitest';
import { celConverter, BLOCKED_BY_SCHEMA } from '../../server/src/core/schema/cel/convert';

describe('scalars follow the schema type', () => {
  test('integer becomes a CEL int (bigint)', () => expect(celConverter({ type: 'integer' })(80)).toBe(80n));
  test('number stays a double', () => {
    expect(celConverter({ type: 'number' })(80)).toBe(80);
    expect(celConverter({ type: 'number' })(0.5)).toBe(0.5);
  });
  test('string and boolean stay', () => {
    expect(celConverter({ type: 'string' })('1ms')).toBe('1ms');
    expect(celConverter({ type: 'boolean' })(true)).toBe(true);
  });
  test('int-or-string stays as written', () => {
    const convert = celConverter({ 'x-kubernetes-int-or-string': true });
    expect(convert(8080)).toBe(8080);
    expect(convert('http')).toBe('http');
    expect(convert(true)).toBe(BLOCKED_BY_SCHEMA);
  });
  test('untyped data stays as written', () => expect(celConverter({ 'x-kubernetes-preserve-unknown-fields': true })({ a: 1 })).toEqual({ a: 1 }));
});

describe('data the schema rejects is reported, not converted', () => {
  test.each([
    [{ type: 'integer' }, '80'],
    [{ type: 'integer' }, 1.5],
    [{ type: 'integer' }, null],
    [{ type: 'string' }, 5],
    [{ type: 'string' }, null],
    [{ type: 'boolean' }, 'true'],
    [{ type: 'object' }, []],
    [{ type: 'object' }, 'x'],
    [{ type: 'array' }, {}],
  ])('%j with %j', (schema, value) => expect(celConverter(schema)(value)).toBe(BLOCKED_BY_SCHEMA));
  test('a missing required field (after pruning nulls) blocks the rules', () => {
    const convert = celConverter({ type: 'object', required: ['hosts'], properties: { hosts: { type: 'array', items: { type: 'string' } } } });
    expect(convert({})).toBe(BLOCKED_BY_SCHEMA);
    expect(convert({ hosts: null })).toBe(BLOCKED_BY_SCHEMA);
    expect(convert({ hosts: [] })).toEqual({ hosts: [] });
  });
  test('enum, maxLength, maxItems and maxProperties violations block the rules', () => {
    expect(celConverter({ type: 'string', enum: ['NONE', 'STATIC'] })('DNS_X')).toBe(BLOCKED_BY_SCHEMA);
    expect(celConverter({ type: 'string', enum: ['NONE', 'STATIC'] })('NONE')).toBe('NONE');
    expect(celConverter({ type: 'string', maxLength: 3 })('abcd')).toBe(BLOCKED_BY_SCHEMA);
    expect(celConverter({ type: 'string', maxLength: 3 })('a😀b')).toBe('a😀b'); // three characters, four UTF-16 units
    expect(celConverter({ type: 'array', maxItems: 1 })([1, 2])).toBe(BLOCKED_BY_SCHEMA);
    expect(celConverter({ type: 'object', maxProperties: 1 })({ a: 1, b: 2 })).toBe(BLOCKED_BY_SCHEMA);
  });
  test('a mismatch deep inside self is found', () => {
    const schema = { type: 'array', items: { type: 'object', properties: { number: { type: 'integer' } } } };
    expect(celConverter(schema)([{ number: 80 }, { number: 'http' }])).toBe(BLOCKED_BY_SCHEMA);
  });
});

describe('objects and lists', () => {
  const ports = {
    type: 'array',
    items: { type: 'object', additionalProperties: false, properties: { number: { type: 'integer' }, name: { type: 'string' } } },
  };

  test('nested integers are converted', () => {
    expect(celConverter(ports)([{ number: 80, name: 'http' }])).toEqual([{ number: 80n, name: 'http' }]);
  });
  test('maps convert their values', () => {
    expect(celConverter({ type: 'object', additionalProperties: { type: 'integer' } })({ http: 80, grpc: 9090 })).toEqual({ http: 80n, grpc: 9090n });
  });
  test('null fields are pruned, as the API server does before validating', () => {
    const converted = celConverter({ type: 'object', properties: { selector: { type: 'object' }, targetRef: { type: 'object' } } })({ selector: null, targetRef: {} });
    expect(converted).toEqual({ targetRef: {} });
    expect(Object.keys(converted as object)).toEqual(['targetRef']);
  });
  test('unknown fields of a closed object are pruned', () => {
    expect(celConverter(ports)([{ number: 80, name: 'http', nmae: 'x' }])).toEqual([{ number: 80n, name: 'http' }]);
  });
  test('a __proto__ key stays an own property', () => {
    const value = JSON.parse('{"__proto__": 5, "a": null}') as Record<string, unknown>;
    const converted = celConverter({ type: 'object', additionalProperties: { type: 'integer' } })(value) as Record<string, unknown>;
    expect(Object.keys(converted)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(converted, '__proto__')?.value).toBe(5n);
  });
});

describe('no copying when nothing changes', () => {
  test('string data is returned as is', () => {
    const labels = { app: 'reviews', version: 'v1' };
    expect(celConverter({ type: 'object', additionalProperties: { type: 'string' } })(labels)).toBe(labels);
    const hosts = ['a.example.com', 'b.example.com'];
    expect(celConverter({ type: 'array', items: { type: 'string' } })(hosts)).toBe(hosts);
  });
  test('only the changed branch is copied', () => {
    const schema = {
      type: 'object',
      properties: { hosts: { type: 'array', items: { type: 'string' } }, ports: { type: 'array', items: { type: 'object', properties: { number: { type: 'integer' } } } } },
    };
    const spec = { hosts: ['a'], ports: [{ number: 80 }] };
    const converted = celConverter(schema)(spec) as typeof spec;
    expect(converted).not.toBe(spec);
    expect(converted.hosts).toBe(spec.hosts);
    expect(spec.ports[0].number).toBe(80); // the input is never modified
  });
});
