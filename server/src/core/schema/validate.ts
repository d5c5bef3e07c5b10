// Validates a resource against its kind's schema and turns ajv's errors into problems a person can
// read without the schema open: one per mistake, at the offending key or value.
import type { ErrorObject } from 'ajv';
import type { IstioKind, JsonSchema } from '../model/kinds';
import { closestMatch } from '../text/suggest';
import { type FieldPath, formatPath, parsePointer, type RangeTarget } from '../yaml/path';
import { validatorFor } from './registry';

export type SchemaProblemCategory = 'unknown-field' | 'invalid-value' | 'missing-field' | 'cel';

export interface SchemaProblem {
  readonly category: SchemaProblemCategory;
  readonly path: FieldPath;
  readonly target: RangeTarget;
  readonly message: string;
  /** For unknown fields: the closest allowed name, offered as a fix. */
  readonly suggestion?: string;
}

export function validateAgainstSchema(kind: IstioKind, value: unknown): SchemaProblem[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  return describeErrors(validate.errors ?? [], value);
}

/** Reads the data at a path; used to quote offending values. */
function dataAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return `'${String(value)}'`;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `the string ${quote(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map of fields',
  array: 'a list',
  null: 'empty',
};

function expectedTypes(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).filter((t) => t !== 'null').map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return types.join(' or ');
}

/** The field a path ends in, with trailing list indexes: `ports[0]`. */
function fieldName(path: FieldPath): string {
  let suffix = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return `${segment}${suffix}`;
    suffix = `[${segment}]${suffix}`;
  }
  return 'value';
}

/** CRDs express "at most one of a, b, c" as oneOf [not anyOf [required a, ...], required a, ...]. */
function exclusiveFields(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const fields: string[] = [];
  for (const branch of schema as Record<string, unknown>[]) {
    if (Array.isArray(branch.required) && branch.required.length === 1 && Object.keys(branch).length === 1) {
      fields.push(String(branch.required[0]));
    } else if (!('not' in branch)) {
      return undefined;
    }
  }
  return fields.length ? fields : undefined;
}

const PLACEHOLDER_ENUM_VALUES = new Set(['UNSET', 'UNSPECIFIED', 'UNDEFINED']);

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function describe(error: ErrorObject, root: unknown): SchemaProblem | undefined {
  const path = parsePointer(error.instancePath);
  const value = dataAt(root, path);
  const field = fieldName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys(((error.parentSchema as JsonSchema | undefined)?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(name, allowed);
      const where = path.length ? `'${field}'` : 'the resource';
      const hint = suggestion ? `; did you mean '${suggestion}'?` : allowed.length && allowed.length <= 12 ? `; ${where} allows ${allowed.join(', ')}` : '';
      return { category: 'unknown-field', path: [...path, name], target: 'key', message: `unknown field '${name}'${hint}`, suggestion };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const owner = path.length ? `'${field}'` : 'the resource';
      return { category: 'missing-field', path, target: 'key', message: `missing required field '${missing}' in ${owner}` };
    }
    case 'type':
      if (value === null || value === undefined) {
        return { category: 'invalid-value', path, target: 'key', message: `'${field}' has no value; expected ${expectedTypes(params.type)}` };
      }
      return { category: 'invalid-value', path, target: 'value', message: `'${field}' must be ${expectedTypes(params.type)}, not ${typeName(value)}` };
    case 'enum': {
      // Protobuf placeholder values (UNSET, UNSPECIFIED, UNDEFINED) are accepted but mean "not set";
      // listing them would only invite their use.
      const all = (params.allowedValues as unknown[]).map(String);
      const meaningful = all.filter((v) => !PLACEHOLDER_ENUM_VALUES.has(v));
      const allowed = meaningful.length ? meaningful : all;
      const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      return {
        category: 'invalid-value',
        path,
        target: 'value',
        message: `${quote(value)} is not one of ${allowed.join(', ')}`,
        suggestion,
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'greater than', exclusiveMaximum: 'less than' };
      return { category: 'invalid-value', path, target: 'value', message: `'${field}' must be ${words[error.keyword]} ${String(params.limit)}, not ${String(value)}` };
    }
    case 'minLength':
      return { category: 'invalid-value', path, target: 'value', message: Number(params.limit) === 1 ? `'${field}' must not be empty` : `'${field}' must be at least ${String(params.limit)} characters long` };
    case 'maxLength':
      return { category: 'invalid-value', path, target: 'value', message: `'${field}' must be at most ${String(params.limit)} characters long` };
    case 'minItems':
      return { category: 'invalid-value', path, target: 'key', message: Number(params.limit) === 1 ? `'${field}' must list at least one entry` : `'${field}' must list at least ${String(params.limit)} entries` };
    case 'maxItems':
      return { category: 'invalid-value', path, target: 'key', message: `'${field}' may list at most ${String(params.limit)} entries` };
    case 'minProperties':
      return { category: 'invalid-value', path, target: 'key', message: `'${field}' must set at least ${String(params.limit)} entries` };
    case 'maxProperties':
      return { category: 'invalid-value', path, target: 'key', message: `'${field}' may set at most ${String(params.limit)} entries` };
    case 'pattern':
      return { category: 'invalid-value', path, target: 'value', message: `${quote(value)} does not match the required pattern ${String(params.pattern)}` };
    case 'oneOf': {
      const fields = exclusiveFields(error.schema);
      if (fields && value && typeof value === 'object') {
        const present = fields.filter((f) => f in (value as object));
        return {
          category: 'invalid-value',
          path,
          target: 'key',
          message: `only one of ${joinOr(fields.map((f) => `'${f}'`))} may be set in '${field}'; found ${present.map((f) => `'${f}'`).join(' and ')}`,
        };
      }
      return { category: 'invalid-value', path, target: 'key', message: `'${field}' must match exactly one of its allowed forms` };
    }
    case 'anyOf': {
      const branches = (error.schema as Record<string, unknown>[]) ?? [];
      if (branches.every((b) => Object.keys(b).length === 1 && 'type' in b)) {
        return { category: 'invalid-value', path, target: 'value', message: `'${field}' must be ${joinOr(branches.map((b) => expectedTypes(b.type)))}, not ${typeName(value)}` };
      }
      return { category: 'invalid-value', path, target: 'key', message: `'${field}' does not match any allowed form` };
    }
    case 'x-kubernetes-validations':
      return { category: 'cel', path, target: path.length ? 'key' : 'value', message: error.message ?? 'violates a validation rule' };
    case 'not':
    case 'if':
    case 'then':
    case 'else':
    case 'allOf':
      return undefined;
    default:
      return { category: 'invalid-value', path, target: 'value', message: `'${field}' ${error.message ?? 'is invalid'}` };
  }
}

export function describeErrors(errors: readonly ErrorObject[], root: unknown): SchemaProblem[] {
  // Errors raised inside a failed oneOf/anyOf branch only explain why that branch did not match;
  // the oneOf/anyOf error itself says it better. Drop them.
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (combinators.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const problem = describe(error, root);
    if (!problem) continue;
    const key = `${problem.category}|${formatPath(problem.path)}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
