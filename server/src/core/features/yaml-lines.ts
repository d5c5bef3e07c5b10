// Reads block-style YAML structure from text lines alone: what each line opens (sequence dashes and
// keys, with their columns) and, walking up by indentation, the field path of the map or sequence
// item a column belongs to. Works on YAML that does not parse, which is what a document being typed is.
import type { PathSegment } from '../yaml/path';

export type Opener =
  | { readonly type: 'dash'; readonly col: number }
  | { readonly type: 'key'; readonly col: number; readonly name: string; readonly end: number; readonly valueCol: number; readonly value: string };

export interface LineInfo {
  /** Column of the first non-space character. */
  readonly indent: number;
  /** Dashes and at most one key, left to right. */
  readonly openers: readonly Opener[];
  /** Column where the content after the openers starts (a scalar or flow collection), or the line length. */
  readonly restCol: number;
}

const KEY = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"[\]{},][^#\n]*?)[ \t]*:(?=[ \t]|\r?$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** Strips a trailing comment (a `#` after whitespace, outside quotes). */
export function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

export function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}

/** Parses one line (without its newline); undefined for blank and comment-only lines. */
export function parseLine(line: string): LineInfo | undefined {
  let p = 0;
  while (p < line.length && line[p] === ' ') p++;
  if (p >= line.length || line[p] === '#' || line[p] === '\r') return undefined;
  const indent = p;
  const openers: Opener[] = [];
  for (;;) {
    if (line[p] === '-' && (p + 1 === line.length || /[ \t\r]/.test(line[p + 1]))) {
      openers.push({ type: 'dash', col: p });
      p++;
      while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
      continue;
    }
    break;
  }
  const match = KEY.exec(line.slice(p));
  if (match) {
    let valueCol = p + match[0].length;
    while (valueCol < line.length && (line[valueCol] === ' ' || line[valueCol] === '\t')) valueCol++;
    const value = stripComment(line.slice(valueCol));
    openers.push({ type: 'key', col: p, name: unquote(match[1]), end: p + match[1].length, valueCol, value });
    return { indent, openers, restCol: valueCol };
  }
  return { indent, openers, restCol: p };
}

/** Offsets of the line containing `offset`: [start, end) without the newline. */
export function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  let end = newline < 0 ? text.length : newline;
  if (end > start && text[end - 1] === '\r') end--;
  return [start, end];
}

interface WalkState {
  col: number;
  mode: 'map' | 'seq';
  /** Still in the container the walk started in: keys at its column are its existing keys. */
  collecting: boolean;
  /** Innermost first; sequence indexes are counted while walking up over earlier items. */
  segments: (string | { index: number })[];
  blockScalar: boolean;
}

/** Applies one line's openers, right to left, to the walk. */
function step(openers: readonly Opener[], state: WalkState, existing: Set<string> | undefined): void {
  for (let j = openers.length - 1; j >= 0; j--) {
    const o = openers[j];
    if (o.col > state.col) continue;
    if (o.col === state.col) {
      if (state.mode === 'map') {
        // A key beside ours is a sibling; a dash at our column is a compact sequence of a sibling.
        if (o.type === 'key') {
          if (state.collecting) existing?.add(o.name);
          continue;
        }
        return;
      }
      if (o.type === 'dash') {
        const current = state.segments[state.segments.length - 1];
        if (typeof current === 'object') current.index++;
        continue;
      }
      // `key:` at the column of its sequence's dashes: the compact form `hosts:\n- a`.
    }
    if (o.type === 'key') {
      state.segments.push(o.name);
      if (/^[|>]/.test(o.value)) state.blockScalar = true;
      state.mode = 'map';
    } else {
      state.segments.push({ index: 0 });
      state.mode = 'seq';
    }
    state.col = o.col;
    state.collecting = false;
  }
}

export interface ContainerPath {
  readonly path: PathSegment[];
  /** The column lies inside a block scalar (`|` or `>`): no structure there. */
  readonly blockScalar: boolean;
}

/**
 * The path of the container a column belongs to: a map whose keys sit at `col` (mode `map`) or the
 * sequence item whose dash sits at `col` (mode `seq`). `leftOpeners` are the openers left of `col` on
 * the starting line; the lines above are read by indentation. Keys of the starting map found above
 * and below are added to `existing`.
 */
export function containerPath(
  text: string,
  lineStart: number,
  leftOpeners: readonly Opener[],
  col: number,
  mode: 'map' | 'seq',
  existing?: Set<string>,
): ContainerPath {
  const state: WalkState = { col, mode, collecting: mode === 'map', segments: mode === 'seq' ? [{ index: 0 }] : [], blockScalar: false };
  if (existing && mode === 'map') collectBelow(text, lineStart, col, existing);
  step(leftOpeners, state, existing);
  let end = lineStart - 1;
  while (end >= 0 && !(state.mode === 'map' && state.col === 0 && !state.collecting)) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (isDocumentMarker(line)) break;
    const info = parseLine(line);
    if (!info || info.indent > state.col) continue;
    step(info.openers, state, existing);
  }
  const path: PathSegment[] = [];
  for (let i = state.segments.length - 1; i >= 0; i--) {
    const s = state.segments[i];
    path.push(typeof s === 'string' ? s : s.index);
  }
  return { path, blockScalar: state.blockScalar };
}

/** Keys at `col` on the lines after `lineStart` that belong to the same map. */
function collectBelow(text: string, lineStart: number, col: number, existing: Set<string>): void {
  let start = text.indexOf('\n', lineStart);
  while (start >= 0) {
    start++;
    const newline = text.indexOf('\n', start);
    const line = text.slice(start, newline < 0 ? text.length : newline);
    if (isDocumentMarker(line)) return;
    const info = parseLine(line);
    if (info) {
      if (info.indent < col) return;
      const first = info.openers[0];
      if (info.indent === col && first?.type === 'key') existing.add(first.name);
    }
    if (newline < 0) return;
    start = newline;
  }
}

/** Path of the node that an opener at index `i` of a line starts (a key's value or a dash's item). */
export function openerPath(text: string, lineStart: number, openers: readonly Opener[], i: number): ContainerPath {
  const o = openers[i];
  if (o.type === 'key') {
    const parent = containerPath(text, lineStart, openers.slice(0, i), o.col, 'map');
    return { path: [...parent.path, o.name], blockScalar: parent.blockScalar || /^[|>]/.test(o.value) };
  }
  return containerPath(text, lineStart, openers.slice(0, i), o.col, 'seq');
}
