// Finds the flow collection (`{...}` or `[...]`) that is still open at an offset, reading the text
// forward from the document start, and says where the cursor is inside it: at a key, at a value, or
// at a list item. Tolerates unterminated collections and quotes: that is what typing produces.
import type { PathSegment } from '../yaml/path';
import { type LineInfo, parseLine } from './yaml-lines';

interface Frame {
  readonly type: 'map' | 'seq';
  /** How the parent frame refers to this one (undefined for the outermost). */
  readonly segment?: PathSegment;
  key?: string;
  readonly keys: string[];
  index: number;
  token: string;
  tokenStart: number;
}

export interface FlowContext {
  /** The line holding the outermost opener and its parsed openers. */
  readonly lineStart: number;
  readonly line: LineInfo;
  /** Path from the outermost collection to the innermost open one. */
  readonly path: PathSegment[];
  readonly inSeq: boolean;
  /** In a map: the key whose value is being typed, undefined while typing a key. */
  readonly key?: string;
  /** Keys already in the innermost map (before and after the cursor). */
  readonly existing: Set<string>;
  /** Start of the partial word at the cursor. */
  readonly tokenStart: number;
}

function frame(type: 'map' | 'seq', parent: Frame | undefined, at: number): Frame {
  const segment = parent ? (parent.type === 'map' ? (parent.key ?? '?') : parent.index) : undefined;
  return { type, segment, keys: [], index: 0, token: '', tokenStart: at };
}

const SEPARATOR = /[\s,{}[\]]/;

/**
 * Scans from `from` (an opener) until `to`; returns the offset after the closing bracket of the
 * outermost collection, or -1 when it is still open at `to` (then `frames` holds the open ones).
 */
function scan(text: string, from: number, to: number, frames: Frame[]): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (c === '"' || c === "'") {
      if (top && !top.token) top.tokenStart = i;
      let j = i + 1;
      while (j < to && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      if (top) top.token += text.slice(i, Math.min(j + 1, to));
      i = j;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 || newline >= to ? to : newline;
    } else if (c === '{' || c === '[') {
      frames.push(frame(c === '{' ? 'map' : 'seq', top, i));
    } else if (c === '}' || c === ']') {
      frames.pop();
      const parent = frames[frames.length - 1];
      if (!parent) return i + 1;
      parent.token = c;
    } else if (!top) {
      return i;
    } else if (c === ',') {
      if (top.type === 'map') top.key = undefined;
      else top.index++;
      top.token = '';
    } else if (c === ':' && top.type === 'map' && top.key === undefined && (i + 1 >= text.length || SEPARATOR.test(text[i + 1]) || /^["']/.test(top.token))) {
      top.key = top.token.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
      top.keys.push(top.key);
      top.token = '';
    } else if (/\s/.test(c)) {
      if (top.token) top.token += c;
    } else {
      if (!top.token) top.tokenStart = i;
      top.token += c;
    }
  }
  return -1;
}

/** Keys of the map open at `from`, after `from`, up to its closing brace. */
function keysAfter(text: string, from: number, out: Set<string>): void {
  const root = frame('map', undefined, from);
  // The rest of the word at the cursor is not a key of its own.
  while (from < text.length && !/[\s,:{}[\]]/.test(text[from])) from++;
  scan(text, from, Math.min(text.length, from + 4096), [root]);
  for (const key of root.keys) out.add(key);
}

/**
 * Where a flow collection opened on a line indented `indent` must end at the latest: YAML requires
 * its continuation lines to be indented further, so a line at `indent` or less ends it.
 */
function flowLimit(text: string, lineEnd: number, indent: number, offset: number): number {
  let start = lineEnd + 1;
  while (start < offset) {
    const newline = text.indexOf('\n', start);
    const info = parseLine(text.slice(start, newline < 0 ? text.length : newline));
    if (info && info.indent <= indent && !/^[}\]]/.test(text.slice(start + info.indent))) return start;
    if (newline < 0) break;
    start = newline + 1;
  }
  return offset;
}

export function flowContext(text: string, offset: number): FlowContext | undefined {
  let lineStart = 0;
  let scalarIndent = -1;
  while (lineStart <= offset && lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const info = parseLine(line);
    if (info && scalarIndent >= 0 && info.indent > scalarIndent) {
      // Inside a block scalar: brackets there are text.
    } else if (info) {
      scalarIndent = -1;
      const last = info.openers[info.openers.length - 1];
      if (last?.type === 'key' && /^[|>]/.test(last.value)) scalarIndent = info.indent;
      const opener = lineStart + info.restCol;
      if ((line[info.restCol] === '{' || line[info.restCol] === '[') && opener < offset) {
        const frames: Frame[] = [];
        const limit = flowLimit(text, lineEnd, info.indent, offset);
        const closed = scan(text, opener, limit, frames);
        if (closed < 0 && limit < offset) {
          // Never closed before the block structure resumed: a typo, not a collection around the cursor.
          lineStart = limit;
          continue;
        }
        if (closed < 0 && frames.length) {
          const top = frames[frames.length - 1];
          const existing = new Set(top.keys);
          if (top.type === 'map') keysAfter(text, offset, existing);
          return {
            lineStart,
            line: info,
            path: frames.slice(1).map((f) => f.segment as PathSegment),
            inSeq: top.type === 'seq',
            key: top.type === 'map' ? top.key : undefined,
            existing,
            tokenStart: top.token.trim() ? top.tokenStart : offset,
          };
        }
        if (closed > lineEnd) {
          const next = text.indexOf('\n', closed);
          if (next < 0) return undefined;
          lineStart = next + 1;
          continue;
        }
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return undefined;
}
