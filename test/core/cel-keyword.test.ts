// The x-kubernetes-validations keyword inside ajv: error shape, paths, fieldPath, and silence on data
// that the schema's own keywords already reject.
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { findIstioKind } from '../../server/src/core/model/kinds';
import { celKeyword } from '../../server/src/core/schema/cel-keyword';
import { validateAgainstSchema } from '../../server/src/core/schema/validate';

function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addKeyword(celKeyword());
  return ajv.compile(schema);
}

const PORTS_SCHEMA = {
  type: 'object',
  properties: {
    ports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['number'],
        properties: { number: { type: 'integer', 'x-kubernetes-validations': [{ rule: '0 < self && self <= 65535', message: 'port must be between 1-65535' }] } },
      },
      'x-kubernetes-validations': [{ rule: 'self.all(l1, self.exists_one(l2, l1.number == l2.number))', message: 'port number cannot be duplicated' }],
    },
  },
};

describe('ajv errors', () => {
  test('a broken rule is an error with its message at the field carrying it', () => {
    const validate = validator(PORTS_SCHEMA);
    expect(validate({ ports: [{ number: 80 }, { number: 70000 }] })).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({ keyword: 'x-kubernetes-validations', instancePath: '/ports/1/number', message: 'port must be between 1-65535', params: { rule: '0 < self && self <= 65535' } }),
    ]);
  });
  test('a rule on a list sees the whole list', () => {
    const validate = validator(PORTS_SCHEMA);
    expect(validate({ ports: [{ number: 80 }, { number: 80 }] })).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.message])).toEqual([['/ports', 'port number cannot be duplicated']]);
  });
  test('valid data passes', () => expect(validator(PORTS_SCHEMA)({ ports: [{ number: 80 }, { number: 443 }] })).toBe(true));
  test('fieldPath is appended to the path of the field carrying the rule', () => {
    const validate = validator({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { min: { type: 'integer' }, max: { type: 'integer' } },
          'x-kubernetes-validations': [{ rule: 'self.min <= self.max', message: 'min above max', fieldPath: '.min', reason: 'FieldValueInvalid' }],
        },
      },
    });
    expect(validate({ spec: { min: 5, max: 1 } })).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.message, e.params])).toEqual([['/spec/min', 'min above max', { rule: 'self.min <= self.max', reason: 'FieldValueInvalid' }]]);
  });
  test('data of the wrong type yields only the schema errors', () => {
    const validate = validator(PORTS_SCHEMA);
    expect(validate({ ports: [{ number: '80' }, { number: 80 }] })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(['type']);
    expect(validate({ ports: [{ number: null }] })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(['type']);
    // A missing required field also stops the API server from evaluating rules over the object.
    expect(validate({ ports: [{}, { number: 80 }] })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(['required']);
  });
  test('transition rules and rules that do not compile are skipped', () => {
    const validate = validator({ type: 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf' }, { rule: 'self.(' }, { rule: 'nosuch(self)' }] });
    expect(validate('x')).toBe(true);
  });
});

describe('through the Istio schemas', () => {
  const virtualService = findIstioKind('networking.istio.io', 'VirtualService')!;
  const serviceEntry = findIstioKind('networking.istio.io', 'ServiceEntry')!;
  const cel = (kind: typeof virtualService, value: unknown) => validateAgainstSchema(kind, value).filter((p) => p.category === 'cel');

  test('a VirtualService timeout below 1ms', () => {
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r' }, spec: { hosts: ['r'], http: [{ timeout: '0.5ms', route: [{ destination: { host: 'r' } }] }] } };
    expect(cel(virtualService, vs).map((p) => [p.path, p.message])).toEqual([[['spec', 'http', 0, 'timeout'], 'must be a valid duration greater than 1ms']]);
  });
  test('a timeout of the wrong type is the schema’s business', () => {
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r' }, spec: { hosts: ['r'], http: [{ timeout: 5, route: [{ destination: { host: 'r' } }] }] } };
    const problems = validateAgainstSchema(virtualService, vs);
    expect(problems.map((p) => p.category)).toEqual(['invalid-value']);
  });
  test('ServiceEntry rules on the spec and on the ports', () => {
    const se = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'ext' },
      spec: { hosts: ['*'], ports: [{ number: 80, name: 'http' }, { number: 80, name: 'http-alt' }], resolution: 'NONE', endpoints: [{ address: '10.0.0.1' }] },
    };
    expect(cel(serviceEntry, se).map((p) => p.message).sort()).toEqual(['NONE mode cannot set endpoints', 'hostname cannot be wildcard', 'port number cannot be duplicated']);
  });
});
