// Defensive readers for plain YAML data: admission analyzers read values of any type and must skip,
// never throw, when a field has the wrong type (the schema analyzers report type errors).
import { isObject, type JsonObject } from '../../model/resource';

export { isObject, type JsonObject };

/** The object at `value`, or undefined when it is not a map. */
export function obj(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** The list at `value`, or an empty list when it is not one. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY;
}

const EMPTY: readonly unknown[] = [];

/** The string at `value`, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The number at `value` (YAML integers and floats), or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A protobuf field is "set" when it is present and not its zero value. */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 0) return false;
  return true;
}

/** A non-empty string, the protobuf notion of a set string field. */
export function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Entries of a map whose values are strings (other value types are skipped). */
export function stringEntries(value: unknown): [string, string][] {
  if (!isObject(value)) return [];
  const out: [string, string][] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'string') out.push([key, v]);
  }
  return out;
}

/** A wrapper message (`{ value: n }`) or a bare number, as protobuf JSON allows both for wrappers. */
export function wrappedNumber(value: unknown): number | undefined {
  if (isObject(value)) return num(value.value);
  return num(value);
}

/** Quotes a value for a message, shortening long strings. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;
}
