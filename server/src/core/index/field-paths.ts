// A tiny path-pattern language for the reference table: `spec.http[*].route[*].destination.host`.
// `[*]` walks every list item; a pattern ending in `{}` yields the map itself (selectors).
import { isObject } from '../model/resource';
import type { FieldPath, PathSegment } from '../yaml/path';

export type PathPattern = string;

/** Patterns come from the reference table: split each once. */
const SEGMENTS = new Map<PathPattern, readonly (string | '*')[]>();

function segmentsOf(pattern: PathPattern): readonly (string | '*')[] {
  let segments = SEGMENTS.get(pattern);
  if (!segments) {
    segments = pattern
      .replace(/\[\*\]/g, '.*')
      .split('.')
      .filter((s) => s !== '');
    SEGMENTS.set(pattern, segments);
  }
  return segments;
}

export interface PathMatch {
  readonly path: FieldPath;
  readonly value: unknown;
}

/** Every concrete path (and value) of an object matching the pattern. */
export function expandPattern(root: unknown, pattern: PathPattern): PathMatch[] {
  const out: PathMatch[] = [];
  const segments = segmentsOf(pattern);
  const walk = (value: unknown, i: number, path: PathSegment[]): void => {
    if (i === segments.length) {
      if (value !== undefined && value !== null) out.push({ path, value });
      return;
    }
    const segment = segments[i];
    if (segment === '*') {
      if (Array.isArray(value)) value.forEach((item, n) => walk(item, i + 1, [...path, n]));
    } else if (isObject(value) && segment in value) {
      walk(value[segment], i + 1, [...path, segment]);
    }
  };
  walk(root, 0, []);
  return out;
}

/** The value at a concrete path. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[segment] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}
