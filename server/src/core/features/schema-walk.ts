// Resolves the JSON Schema node of a field path in a kind's schema (through properties, items,
// additionalProperties and oneOf/anyOf/allOf branches) and derives what completion and hover need
// from a node: its keys, type label, enum values. Derived data is cached per (immutable) schema node.
import type { JsonSchema } from '../model/kinds';
import type { FieldPath } from '../yaml/path';

export interface PropertyInfo {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

export interface ResolvedField {
  readonly schema: JsonSchema;
  /** The last segment is a key of a free-form map (`additionalProperties`), not a declared field. */
  readonly mapEntry: boolean;
  /** The schema of the field that owns the map entry or list item, when the path ends in one. */
  readonly owner?: JsonSchema;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node itself, then every allOf/oneOf/anyOf branch below it (never `not`, which forbids). */
function alternatives(schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [schema];
  for (let i = 0; i < out.length; i++) {
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
      const branches = out[i][keyword];
      if (Array.isArray(branches)) for (const branch of branches) if (isSchema(branch)) out.push(branch);
    }
  }
  return out;
}

const propertyCache = new WeakMap<JsonSchema, readonly PropertyInfo[]>();

/** Declared fields of an object schema: required ones first, then in schema order. */
export function propertiesOf(schema: JsonSchema): readonly PropertyInfo[] {
  const cached = propertyCache.get(schema);
  if (cached) return cached;
  const required = new Set<string>();
  const found = new Map<string, JsonSchema>();
  const all = alternatives(schema);
  for (const node of all) {
    const properties = node.properties;
    if (isSchema(properties)) {
      for (const [name, value] of Object.entries(properties)) if (isSchema(value) && !found.has(name)) found.set(name, value);
    }
  }
  // `required` in oneOf/anyOf branches only selects an alternative; only allOf branches really require.
  const requiring = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf.filter(isSchema) : [])];
  for (const node of requiring) if (Array.isArray(node.required)) for (const name of node.required) required.add(String(name));
  const list = [...found].map(([name, value]) => ({ name, schema: value, required: required.has(name) }));
  const sorted = [...list.filter((p) => p.required), ...list.filter((p) => !p.required)];
  propertyCache.set(schema, sorted);
  return sorted;
}

/** The schema of a declared field, else of a free-form map's values. */
export function propertySchema(schema: JsonSchema, name: string): { schema: JsonSchema; mapEntry: boolean } | undefined {
  const declared = propertiesOf(schema).find((p) => p.name === name);
  if (declared) return { schema: declared.schema, mapEntry: false };
  for (const node of alternatives(schema)) {
    if (isSchema(node.additionalProperties)) return { schema: node.additionalProperties, mapEntry: true };
  }
  return undefined;
}

export function itemsSchema(schema: JsonSchema): JsonSchema | undefined {
  for (const node of alternatives(schema)) if (isSchema(node.items)) return node.items;
  return undefined;
}

/** Follows `path` from the root schema; undefined when the path leaves the schema. */
export function resolveField(root: JsonSchema, path: FieldPath): ResolvedField | undefined {
  let schema: JsonSchema = root;
  let mapEntry = false;
  let owner: JsonSchema | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const items = itemsSchema(schema);
      if (!items) return undefined;
      owner = schema;
      schema = items;
      mapEntry = false;
    } else {
      const next = propertySchema(schema, segment);
      if (!next) return undefined;
      owner = next.mapEntry ? schema : undefined;
      schema = next.schema;
      mapEntry = next.mapEntry;
    }
  }
  return { schema, mapEntry, owner };
}

function types(schema: JsonSchema): string[] {
  const type = schema.type;
  if (Array.isArray(type)) return type.map(String).filter((t) => t !== 'null');
  if (typeof type === 'string') return [type];
  if (schema['x-kubernetes-int-or-string']) return ['integer', 'string'];
  if (isSchema(schema.properties)) return ['object'];
  return [];
}

export type ValueShape = 'object' | 'array' | 'scalar' | 'unknown';

export function shapeOf(schema: JsonSchema): ValueShape {
  const t = types(schema);
  if (t.includes('object') || isSchema(schema.properties)) return 'object';
  if (t.includes('array')) return 'array';
  return t.length ? 'scalar' : 'unknown';
}

export function isBoolean(schema: JsonSchema): boolean {
  return types(schema).includes('boolean');
}

/** True for free-form maps such as labels (keys chosen by the user, values of one schema). */
export function isMap(schema: JsonSchema): boolean {
  return shapeOf(schema) === 'object' && propertiesOf(schema).length === 0 && isSchema(schema.additionalProperties);
}

/** Protobuf placeholders mean "not set"; offering them would only invite their use. */
const PLACEHOLDER = /^(UNSET|UNSPECIFIED|UNDEFINED|INVALID)(_[A-Z]+)*$/;

export function enumValues(schema: JsonSchema): string[] {
  for (const node of alternatives(schema)) {
    if (Array.isArray(node.enum)) {
      const all = node.enum.map(String);
      const meaningful = all.filter((v) => !PLACEHOLDER.test(v));
      return meaningful.length ? meaningful : all;
    }
  }
  return [];
}

function isDuration(schema: JsonSchema): boolean {
  const rules = schema['x-kubernetes-validations'];
  return Array.isArray(rules) && rules.some((r) => isSchema(r) && typeof r.rule === 'string' && r.rule.includes('duration(self)'));
}

const typeLabelCache = new WeakMap<JsonSchema, string>();

/** A short type for details and hovers: `string (duration)`, `integer (int32)`, `string[]`, `map<string, string>`. */
export function typeLabel(schema: JsonSchema): string {
  const cached = typeLabelCache.get(schema);
  if (cached !== undefined) return cached;
  let label: string;
  const t = types(schema);
  if (enumValues(schema).length) label = `${t[0] ?? 'string'} (enum)`;
  else if (t.includes('array')) {
    const items = itemsSchema(schema);
    label = `${items ? typeLabel(items).replace(/ \(.*\)$/, '') : 'any'}[]`;
  } else if (isMap(schema)) {
    label = `map<string, ${typeLabel(schema.additionalProperties as JsonSchema).replace(/ \(.*\)$/, '')}>`;
  } else if (t.includes('object')) {
    label = schema['x-kubernetes-preserve-unknown-fields'] && !propertiesOf(schema).length ? 'object (free-form)' : 'object';
  } else if (t.length) {
    label = t.join(' | ');
    if (isDuration(schema)) label += ' (duration)';
    else if (typeof schema.format === 'string') label += ` (${schema.format})`;
  } else label = 'any';
  typeLabelCache.set(schema, label);
  return label;
}

export function descriptionOf(schema: JsonSchema): string | undefined {
  for (const node of alternatives(schema)) if (typeof node.description === 'string' && node.description.trim()) return node.description.trim();
  return undefined;
}

/** The schema documents the field as deprecated. */
export function isDeprecated(schema: JsonSchema): boolean {
  return /^Deprecated\b/.test(descriptionOf(schema) ?? '');
}

const exclusiveCache = new WeakMap<JsonSchema, readonly (readonly string[])[]>();
const CEL_AT_MOST_ONE = /^\s*\(has\(self\.(\w+)\) \? 1 : 0\)((?:\s*\+\s*\(has\(self\.\w+\) \? 1 : 0\))+)\s*<=\s*1\s*$/;

/**
 * Groups of fields of which at most one may be set: CRDs write them as
 * `oneOf: [not anyOf [required a, ...], required a, ...]` or as a CEL `has(...) ? 1 : 0` sum.
 */
export function exclusiveGroups(schema: JsonSchema): readonly (readonly string[])[] {
  const cached = exclusiveCache.get(schema);
  if (cached) return cached;
  const groups: string[][] = [];
  for (const node of alternatives(schema)) {
    if (!Array.isArray(node.oneOf)) continue;
    const fields: string[] = [];
    let shaped = true;
    for (const branch of node.oneOf) {
      if (!isSchema(branch)) shaped = false;
      else if (Array.isArray(branch.required) && branch.required.length === 1 && Object.keys(branch).length === 1) fields.push(String(branch.required[0]));
      else if (!('not' in branch)) shaped = false;
    }
    if (shaped && fields.length > 1) groups.push(fields);
  }
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules)) {
    for (const rule of rules) {
      const match = isSchema(rule) && typeof rule.rule === 'string' ? CEL_AT_MOST_ONE.exec(rule.rule) : null;
      if (match) groups.push([match[1], ...[...match[2].matchAll(/self\.(\w+)/g)].map((m) => m[1])]);
    }
  }
  exclusiveCache.set(schema, groups);
  return groups;
}
