// Maps field paths (`spec.http[0].route`) to YAML nodes and source ranges, and source offsets back to
// paths. Schema errors (JSON pointers), analyzer findings, hover and completion all go through here.
import { type Document, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { scalarAtOffset } from './fast-parse';
import type { ParsedDoc } from './parse';

export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

export interface Located {
  /** The node at the path (undefined when the path ends at a key with an empty value). */
  readonly node?: Node;
  /** The map entry holding the node, when the last segment is a key. */
  readonly pair?: Pair;
  /** How many segments of the path exist in the document. */
  readonly depth: number;
}

export function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** Finds the map entry with `key` (the last one wins, as in Kubernetes' decoder). */
export function findPair(map: Node | undefined, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  let found: Pair | undefined;
  for (const item of map.items) if (isPair(item) && keyText(item) === key) found = item;
  return found;
}

/** Walks `path` from the document root as far as it exists. Aliases are not followed. */
export function locate(doc: Document.Parsed, path: FieldPath): Located {
  let node = (doc.contents ?? undefined) as Node | undefined;
  let pair: Pair | undefined;
  let depth = 0;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(node) || segment >= node.items.length) break;
      node = node.items[segment] as Node | undefined;
      pair = undefined;
    } else {
      const next = findPair(node, segment);
      if (!next) break;
      pair = next;
      node = (next.value ?? undefined) as Node | undefined;
    }
    depth++;
  }
  return { node, pair, depth };
}

export type RangeTarget = 'key' | 'value' | 'entry';

/** Source range (chunk offsets) of what lives at `path`; falls back to the deepest existing parent. */
export function rangeAt(doc: Document.Parsed, text: string, path: FieldPath, target: RangeTarget = 'value'): [number, number] {
  const { node, pair, depth } = locate(doc, path);
  if (depth < path.length) {
    // The path does not exist (a missing field): point at the key of the deepest parent that does.
    const parent = locate(doc, path.slice(0, depth));
    if (parent.pair && isScalar(parent.pair.key) && parent.pair.key.range) return [parent.pair.key.range[0], parent.pair.key.range[1]];
    if (parent.node?.range) return firstLine(text, parent.node.range[0], parent.node.range[1]);
    return [0, 0];
  }
  if (target === 'key' && pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  if (target === 'entry' && pair && isScalar(pair.key) && pair.key.range) {
    const end = node?.range ? node.range[1] : pair.key.range[1];
    return [pair.key.range[0], end];
  }
  if (node?.range) {
    if (isMap(node) || isSeq(node)) {
      // Underlining a whole block is noise; point at the key that names it, else its first line.
      if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
      return firstLine(text, node.range[0], node.range[1]);
    }
    return [node.range[0], node.range[1]];
  }
  if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  return [0, 0];
}

const RANGES = new WeakMap<ParsedDoc, Map<string, [number, number]>>();

/**
 * `rangeAt` in a parsed document, remembered per document, path and target: locations asked for
 * again (lenses, references, related locations) do not need the yaml Document, which may have been
 * dropped (see DocumentStore). `text` is the document's chunk text.
 */
export function rangeInDocument(parsed: ParsedDoc, text: string, path: FieldPath, target: RangeTarget = 'value'): [number, number] {
  let ranges = RANGES.get(parsed);
  if (!ranges) RANGES.set(parsed, (ranges = new Map()));
  const key = `${target}${JSON.stringify(path)}`;
  let range = ranges.get(key);
  if (!range) ranges.set(key, (range = rangeAt(parsed.doc, text, path, target)));
  return [range[0], range[1]];
}

function firstLine(text: string, start: number, end: number): [number, number] {
  const newline = text.indexOf('\n', start);
  const lineEnd = newline === -1 ? text.length : newline;
  return [start, Math.max(start, Math.min(end, lineEnd))];
}

export interface OffsetInfo {
  /** Path of the innermost node containing the offset. */
  readonly path: PathSegment[];
  /** The offset lies on a map key (the last path segment is that key). */
  readonly onKey: boolean;
  /** The scalar under the offset, if any. */
  readonly scalar?: { readonly value: unknown; readonly start: number; readonly end: number };
}

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/**
 * `pathAtOffset` for a parsed document, `text` being its chunk's text: read by the fast path where it
 * can (the cursor on a scalar of plain YAML), so hover and navigation need not build the document's
 * yaml Document, which in a large file may have been dropped (see DocumentStore).
 */
export function offsetInfo(parsed: ParsedDoc, text: string, offset: number): OffsetInfo {
  return scalarAtOffset(text, offset) ?? pathAtOffset(parsed.doc, offset);
}

/** Finds the path of the node at `offset` (chunk-relative). */
export function pathAtOffset(doc: Document.Parsed, offset: number): OffsetInfo {
  const path: PathSegment[] = [];
  let node = (doc.contents ?? undefined) as Node | undefined;
  for (;;) {
    if (isMap(node)) {
      let next: Node | undefined;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        if (contains(key, offset) && isScalar(key)) {
          path.push(String(key.value));
          return { path, onKey: true, scalar: { value: key.value, start: key.range![0], end: key.range![1] } };
        }
        if (contains(value, offset) && value) {
          path.push(isScalar(key) ? String(key.value) : '?');
          next = value;
          break;
        }
      }
      if (!next) return { path, onKey: false };
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index < 0) return { path, onKey: false };
      path.push(index);
      node = node.items[index] as Node;
    } else if (isScalar(node) && node.range) {
      return { path, onKey: false, scalar: { value: node.value, start: node.range[0], end: node.range[1] } };
    } else {
      // Aliases and empty values end the walk; the path so far is what the cursor is in.
      return { path, onKey: false };
    }
  }
}
