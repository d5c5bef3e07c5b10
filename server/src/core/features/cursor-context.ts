// What the cursor is doing in a document being typed: writing a key (and in which map) or a value
// (of which field). Read from the text by indentation and flow brackets rather than from the parsed
// YAML, because the document is usually broken at the cursor; the parse would place it elsewhere.
import type { PathSegment } from '../yaml/path';
import { flowContext } from './flow-context';
import { containerPath, type LineInfo, lineBounds, openerPath, parseLine, stripComment } from './yaml-lines';

export interface KeyContext {
  readonly mode: 'key';
  /** Path of the map the key goes into. */
  readonly path: PathSegment[];
  readonly existing: Set<string>;
  /** Chunk offsets of the word the completion replaces. */
  readonly start: number;
  readonly end: number;
  /** Column of the key and leading whitespace of its line (snippet lines are indented relative to the latter). */
  readonly column: number;
  readonly lineIndent: number;
  /** A `:` already follows the word: insert the name only. */
  readonly colonFollows: boolean;
  /** Inside `{...}`: no block snippets. */
  readonly flow: boolean;
  /** Right after `- `: the item may be a scalar rather than a map; `path` then ends with its index. */
  readonly dashItem: boolean;
}

export interface ValueContext {
  readonly mode: 'value';
  /** Path of the field whose value is typed (ends with an index for a list item). */
  readonly path: PathSegment[];
  readonly start: number;
  readonly end: number;
  /** The cursor sits right after `key:`: the inserted value needs a leading space. */
  readonly needsSpace: boolean;
  readonly flow: boolean;
}

export type CursorContext = KeyContext | ValueContext;

const WORD = /^[^\s:#,{}[\]]*/;

function ownerOfFlow(text: string, lineStart: number, line: LineInfo): { path: PathSegment[]; blockScalar: boolean } {
  const { openers } = line;
  if (!openers.length) return { path: [], blockScalar: false };
  return openerPath(text, lineStart, openers, openers.length - 1);
}

function inFlow(text: string, offset: number, lineStart: number): CursorContext | undefined | null {
  const flow = flowContext(text, offset);
  if (!flow) return null;
  const owner = ownerOfFlow(text, flow.lineStart, flow.line);
  if (owner.blockScalar) return undefined;
  const path = [...owner.path, ...flow.path];
  const end = offset + (WORD.exec(text.slice(offset))?.[0].length ?? 0);
  if (flow.inSeq) {
    return { mode: 'value', path: [...path, 0], start: flow.tokenStart, end, needsSpace: false, flow: true };
  }
  if (flow.key !== undefined) {
    const needsSpace = text[offset - 1] === ':';
    return { mode: 'value', path: [...path, flow.key], start: flow.tokenStart, end, needsSpace, flow: true };
  }
  const column = flow.tokenStart - lineStart;
  const colonFollows = /^[^\s:#,{}[\]]*[ \t]*:/.test(text.slice(offset));
  return { mode: 'key', path, existing: flow.existing, start: flow.tokenStart, end, column, lineIndent: column, colonFollows, flow: true, dashItem: false };
}

function inComment(prefix: string): boolean {
  return stripComment(prefix).length < prefix.trimEnd().length;
}

/** The cursor's context in a chunk, or undefined where nothing can be completed (comments, block scalars). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const [lineStart, lineEnd] = lineBounds(text, offset);
  const prefix = text.slice(lineStart, offset);
  const suffix = text.slice(offset, lineEnd);
  // A dash not yet followed by its space is not a list item yet: inserting there would glue text to it.
  if (/^(---|\.\.\.)/.test(prefix) || /(^|\s)-$/.test(prefix) || inComment(prefix)) return undefined;
  const flow = inFlow(text, offset, lineStart);
  if (flow !== null) return flow;
  const info = parseLine(prefix);
  const openers = info?.openers ?? [];
  const last = openers[openers.length - 1];
  if (last?.type === 'key') {
    const owner = openerPath(text, lineStart, openers, openers.length - 1);
    const typed = prefix.slice(last.valueCol);
    if (owner.blockScalar || /^[|>&*!{[]/.test(typed)) return undefined;
    const needsSpace = last.valueCol === prefix.length && !/[ \t]$/.test(prefix);
    const end = offset + stripComment(suffix).length;
    return { mode: 'value', path: owner.path, start: lineStart + last.valueCol, end, needsSpace, flow: false };
  }
  const column = info ? info.restCol : prefix.length;
  const partial = prefix.slice(column);
  if (!/^[^\s:#'"{}[\],]*$/.test(partial)) return undefined;
  const existing = new Set<string>();
  const container = containerPath(text, lineStart, openers, column, 'map', existing);
  if (container.blockScalar) return undefined;
  const word = WORD.exec(suffix)?.[0] ?? '';
  const dashItem = openers.length > 0;
  let path = container.path;
  // After `- `, the container path ends at the item: its index is the last segment already.
  if (dashItem && typeof path[path.length - 1] !== 'number') path = [...path, 0];
  return {
    mode: 'key',
    path,
    existing,
    start: lineStart + column,
    end: offset + word.length,
    column,
    lineIndent: info ? info.indent : prefix.length,
    colonFollows: /^[ \t]*:(\s|$)/.test(suffix.slice(word.length)),
    flow: false,
    dashItem,
  };
}
