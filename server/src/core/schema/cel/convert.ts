// Turns YAML data into the values Kubernetes gives a CEL rule as `self`, guided by the schema: integer
// fields become CEL ints (bigint), null and unknown fields are pruned. Data that the schema rejects in a
// way that blocks CEL in Kubernetes (wrong type, missing required field, value outside an enum, too
// long) is the schema's business: the conversion reports it, and the rules are not evaluated.
import type { JsonSchema } from '../../model/kinds';

/**
 * Returned when the data below `self` breaks the schema in a way that makes the API server skip CEL
 * validation (its `hasBlockingErr`: type, required, enum, maxLength, maxItems, maxProperties).
 */
export const BLOCKED_BY_SCHEMA: unique symbol = Symbol('blocked-by-schema');

export type CelConverter = (value: unknown) => unknown;

/** Marks a property the API server would prune before validation (null or unknown). */
const PRUNE: unique symbol = Symbol('prune');

const identity: CelConverter = (value) => value;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function scalarConverter(type: string): CelConverter | undefined {
  switch (type) {
    case 'integer':
      return (v) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : BLOCKED_BY_SCHEMA);
    case 'number':
      return (v) => (typeof v === 'number' ? v : BLOCKED_BY_SCHEMA);
    case 'string':
      return (v) => (typeof v === 'string' ? v : BLOCKED_BY_SCHEMA);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : BLOCKED_BY_SCHEMA);
    default:
      return undefined;
  }
}

/** The schema's blocking limits on a value (enum, maxLength, maxItems, maxProperties), if any. */
function limitsOf(schema: JsonSchema): ((value: unknown) => boolean) | undefined {
  const checks: ((value: unknown) => boolean)[] = [];
  if (Array.isArray(schema.enum)) {
    const allowed = new Set<unknown>(schema.enum);
    checks.push((v) => allowed.has(v));
  }
  const maxLength = schema.maxLength;
  // Kubernetes counts characters (runes), not UTF-16 units.
  if (typeof maxLength === 'number') checks.push((v) => typeof v !== 'string' || v.length <= maxLength || [...v].length <= maxLength);
  const maxItems = schema.maxItems;
  if (typeof maxItems === 'number') checks.push((v) => !Array.isArray(v) || v.length <= maxItems);
  const maxProperties = schema.maxProperties;
  if (typeof maxProperties === 'number') checks.push((v) => !isPlainObject(v) || Object.keys(v).length <= maxProperties);
  if (!checks.length) return undefined;
  return (v) => checks.every((check) => check(v));
}

function withLimits(schema: JsonSchema, convert: CelConverter): CelConverter {
  const limits = limitsOf(schema);
  if (!limits) return convert;
  return (value) => (limits(value) ? convert(value) : BLOCKED_BY_SCHEMA);
}

function arrayConverter(items: CelConverter | undefined): CelConverter {
  return (value) => {
    if (!Array.isArray(value)) return BLOCKED_BY_SCHEMA;
    if (!items) return value;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = items(value[i]);
      if (next === BLOCKED_BY_SCHEMA) return BLOCKED_BY_SCHEMA;
      if (next !== value[i] && !out) out = value.slice(0, i);
      if (out) out.push(next);
    }
    return out ?? value;
  };
}

function objectConverter(schema: JsonSchema): CelConverter {
  const properties = new Map<string, CelConverter>();
  if (isPlainObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) properties.set(name, childConverter(child));
  }
  const additional = isPlainObject(schema.additionalProperties) ? childConverter(schema.additionalProperties) : undefined;
  // Kubernetes prunes fields a structural schema does not declare (unless it preserves them).
  const pruneUnknown = schema.additionalProperties === false && schema['x-kubernetes-preserve-unknown-fields'] !== true;
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  return (value) => {
    if (!isPlainObject(value)) return BLOCKED_BY_SCHEMA;
    const keys = Object.keys(value);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const raw = value[key];
      const convert = properties.get(key) ?? additional;
      let next: unknown;
      if (raw === null || raw === undefined) next = PRUNE; // the API server drops nulls before validating
      else if (convert) next = convert(raw);
      else next = pruneUnknown ? PRUNE : raw;
      if (next === BLOCKED_BY_SCHEMA) return BLOCKED_BY_SCHEMA;
      if (next !== raw && !out) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j], value[keys[j]]);
      }
      if (out && next !== PRUNE) setOwn(out, key, next);
    }
    const result = out ?? value;
    for (const name of required) if (!Object.prototype.hasOwnProperty.call(result, name)) return BLOCKED_BY_SCHEMA;
    return result;
  };
}

function childConverter(schema: unknown): CelConverter {
  return isPlainObject(schema) ? celConverter(schema) : identity;
}

/**
 * The conversion of data at a schema node; build once per node. The result is the data itself when
 * nothing needs converting, so well-typed string data is never copied.
 */
export function celConverter(schema: JsonSchema): CelConverter {
  // int-or-string data is left as written: a YAML number stays a JS number.
  if (schema['x-kubernetes-int-or-string'] === true) {
    return withLimits(schema, (v) => (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)) ? v : BLOCKED_BY_SCHEMA));
  }
  const type = schema.type;
  if (typeof type !== 'string') return withLimits(schema, identity); // untyped (preserved fields, unions): as written
  if (type === 'array') return withLimits(schema, arrayConverter(isPlainObject(schema.items) ? celConverter(schema.items) : undefined));
  if (type === 'object') return withLimits(schema, objectConverter(schema));
  return withLimits(schema, scalarConverter(type) ?? identity);
}
