// A fast path for the YAML that people write for Kubernetes: block maps and lists, plain and quoted
// one-line scalars, literal and folded block scalars, one-line flow lists and maps. It turns a
// document into plain data several times faster than the yaml package builds a Document and
// converts it, and allocates a fraction of the memory. It gives up (returns undefined) on anything
// else: anchors, aliases, tags, multi-line scalars and flow collections, tabs, CRLF, keys that
// are not plain strings, duplicate keys, and anything the yaml package would call an error. The
// caller then parses with the yaml package, which stays the authority: where this path answers,
// its data, start and end are exactly the yaml package's (test/core/fast-parse.test.ts compares
// them on every fixture, on generated meshes and on thousands of mutated documents). yaml Documents,
// which hold node ranges, are still made by the yaml package, when a feature asks for them; but the
// question hover and navigation ask most, which scalar lies under the cursor, is answered here too
// (scalarAtOffset), with the path and range the yaml package's Document would give.
import type { OffsetInfo, PathSegment } from './path';

export interface SimpleDocument {
  /** The document as plain data, as `Document.toJS()` returns it. */
  readonly value: unknown;
  /** `Document.range[0]`: the `---` marker, or the first character of the content. */
  readonly start: number;
  /** `Document.range[2]`: the end of the chunk. */
  readonly end: number;
}

/** Thrown inside the parser when the text leaves the supported subset; never escapes it. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Deeper nesting than this is left to the yaml package (and keeps the recursion shallow). */
const MAX_DEPTH = 64;
/** The yaml package rejects implicit keys longer than 1024 characters. */
const MAX_KEY_LENGTH = 1024;

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;

/** Characters that cannot start a plain scalar or key here (YAML's indicators; `-` is handled apart). */
const NOT_PLAIN_START = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

function giveUp(): never {
  throw GIVE_UP;
}

/** Looks for the scalar (key or value) holding an offset while the document is parsed. */
interface Probe {
  readonly offset: number;
  /** The path of the node being parsed. */
  readonly path: PathSegment[];
  found?: OffsetInfo;
}

/** Parses one `---` chunk (see split.ts) holding a single block map or list, or gives up. */
export function parseSimpleDocument(text: string): SimpleDocument | undefined {
  return parse(text);
}

function parse(text: string, probe?: Probe): SimpleDocument | undefined {
  // Tabs, carriage returns, a byte order mark and NUL: left to the yaml package.
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.charCodeAt(0) === 0xfeff || text.indexOf('\u0000') >= 0) return undefined;
  try {
    return new SimpleParser(text, probe).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * The key or value scalar under a chunk offset, exactly as `pathAtOffset` finds it in the yaml
 * package's Document of the chunk, or undefined when this parser gives up on the chunk or the offset
 * is not inside a scalar (the caller then asks the Document). Offsets at a line's first column are
 * left to the Document too: there a block collection that ends on the line before still counts as
 * holding the offset (its range runs to the start of the next line), and the Document's walk stops in it.
 */
export function scalarAtOffset(text: string, offset: number): OffsetInfo | undefined {
  if (offset <= 0 || offset > text.length || text.charCodeAt(offset - 1) === NEWLINE) return undefined;
  const probe: Probe = { offset, path: [] };
  return parse(text, probe) ? probe.found : undefined;
}

class SimpleParser {
  /** The current content line: its start, indentation, first content character and end (its `\n` or the text's end). -1: none left. */
  private lineStart = -1;
  private indent = 0;
  private content = 0;
  private lineEnd = 0;
  private depth = 0;
  /** Where the line of the value parsed last ends, if that value was empty (`key:` with nothing after it); else -1. */
  private emptyEnd = -1;

  constructor(
    private readonly text: string,
    private readonly probe?: Probe,
  ) {}

  /** Records a scalar for the probe; `key` when it is a map's key (which then ends the path). */
  private note(start: number, end: number, value: unknown, key?: string): void {
    const probe = this.probe;
    // The first scalar holding the offset, in document order, as the Document's walk finds it.
    if (!probe || probe.found || probe.offset < start || probe.offset > end) return;
    const path = key === undefined ? [...probe.path] : [...probe.path, key];
    probe.found = { path, onKey: key !== undefined, scalar: { value: key ?? value, start, end } };
  }

  document(): SimpleDocument {
    const { text } = this;
    let start: number | undefined;
    let from = 0;
    if (text.startsWith('---') && (text.length === 3 || text.charCodeAt(3) === SPACE || text.charCodeAt(3) === NEWLINE)) {
      // The chunk's marker (see split.ts), perhaps with a comment; content after it on the line is left alone.
      this.lineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
      const after = this.skipSpaces(3);
      if (after < this.lineEnd && text.charCodeAt(after) !== HASH) giveUp();
      start = 0;
      from = this.lineEnd + 1;
    }
    this.seekContent(from);
    if (this.lineStart < 0 || this.indent !== 0) giveUp();
    start ??= this.content;
    const value = this.blockNode(0);
    if (this.lineStart >= 0) giveUp();
    // A document ending in an empty value ends at that value's line break, unless comments follow.
    if (this.emptyEnd >= 0 && text.indexOf('#', this.emptyEnd) >= 0) giveUp();
    return { value, start, end: this.emptyEnd >= 0 ? this.emptyEnd : text.length };
  }

  /** Moves to the first line at or after `from` holding content (not blank, not only a comment). */
  private seekContent(from: number): void {
    const { text } = this;
    let at = from;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      let first = at;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      if (first < end && text.charCodeAt(first) !== HASH) {
        // A document end marker or directive is left to the yaml package.
        const c = text.charCodeAt(first);
        if (first === at && (c === 0x25 /* % */ || ((c === 0x2e /* . */ || c === DASH) && isMarker(text, first, end)))) giveUp();
        this.lineStart = at;
        this.indent = first - at;
        this.content = first;
        this.lineEnd = end;
        return;
      }
      at = end + 1;
    }
    this.lineStart = -1;
  }

  private skipSpaces(at: number): number {
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private isDash(at: number): boolean {
    const { text } = this;
    return text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || text.charCodeAt(at + 1) === SPACE);
  }

  /** A map or list whose lines start at `this.indent`, which is at least `min`. */
  private blockNode(min: number): unknown {
    if (this.indent < min) giveUp();
    if (++this.depth > MAX_DEPTH) giveUp();
    const value = this.isDash(this.content) ? this.list(this.indent) : this.map(this.indent);
    this.depth--;
    return value;
  }

  private map(indent: number): Record<string, unknown> {
    const { text } = this;
    const out: Record<string, unknown> = {};
    while (this.lineStart >= 0 && this.indent === indent) {
      const keyStart = this.content;
      const colon = this.keyEnd(keyStart);
      let keyEnd = colon;
      while (keyEnd > keyStart && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      const key = text.slice(keyStart, keyEnd);
      if (key.length > MAX_KEY_LENGTH || typeof plainValue(key) !== 'string' || key === '__proto__' || key === '<<') giveUp();
      if (Object.prototype.hasOwnProperty.call(out, key)) giveUp();
      this.note(keyStart, keyEnd, key, key);
      this.probe?.path.push(key);
      const valueAt = this.skipSpaces(colon + 1);
      if (valueAt === this.lineEnd || text.charCodeAt(valueAt) === HASH) {
        const emptyEnd = valueAt === this.lineEnd ? this.lineEnd : text.length;
        this.seekContent(this.lineEnd + 1);
        if (this.lineStart >= 0 && this.indent > indent) out[key] = this.blockNode(indent + 1);
        // A list may sit at its key's own indentation.
        else if (this.lineStart >= 0 && this.indent === indent && this.isDash(this.content)) out[key] = this.list(indent);
        else {
          out[key] = null;
          this.emptyEnd = emptyEnd;
        }
      } else {
        out[key] = this.inlineValue(valueAt, indent);
      }
      this.probe?.path.pop();
    }
    if (this.lineStart >= 0 && this.indent > indent) giveUp();
    return out;
  }

  /** The `:` ending a plain key that starts at `at` on the current line. */
  private keyEnd(at: number): number {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (NOT_PLAIN_START.has(first) || (first === DASH && this.isDash(at))) giveUp();
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === this.lineEnd || text.charCodeAt(i + 1) === SPACE) return i;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        giveUp();
      }
    }
    return giveUp();
  }

  private list(indent: number): unknown[] {
    const { text } = this;
    const out: unknown[] = [];
    while (this.lineStart >= 0 && this.indent === indent && this.isDash(this.content)) {
      this.probe?.path.push(out.length);
      const itemAt = this.skipSpaces(this.content + 1);
      if (itemAt === this.lineEnd || text.charCodeAt(itemAt) === HASH) {
        const emptyEnd = itemAt === this.lineEnd ? this.lineEnd : text.length;
        this.seekContent(this.lineEnd + 1);
        if (this.lineStart >= 0 && this.indent > indent) out.push(this.blockNode(indent + 1));
        else {
          out.push(null);
          this.emptyEnd = emptyEnd;
        }
      } else if (this.isDash(itemAt)) {
        giveUp(); // a list written inline in a list item
      } else if (this.startsMapEntry(itemAt)) {
        // `- key: value`: a map whose lines start at the key's column.
        this.indent = itemAt - this.lineStart;
        this.content = itemAt;
        if (++this.depth > MAX_DEPTH) giveUp();
        out.push(this.map(this.indent));
        this.depth--;
      } else {
        out.push(this.inlineValue(itemAt, indent));
      }
      this.probe?.path.pop();
    }
    if (this.lineStart >= 0 && this.indent > indent) giveUp();
    return out;
  }

  /** Whether the item text at `at` is a `key: value` entry (a quoted key gives up). */
  private startsMapEntry(at: number): boolean {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first === QUOTE || first === APOSTROPHE) {
      const close = first === QUOTE ? this.doubleQuotedEnd(at) : this.singleQuotedEnd(at);
      const after = this.skipSpaces(close);
      if (text.charCodeAt(after) === COLON) giveUp();
      return false;
    }
    if (first === 0x5b /* [ */ || first === 0x7b /* { */ || first === 0x7c /* | */ || first === 0x3e /* > */) return false;
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && (i + 1 === this.lineEnd || text.charCodeAt(i + 1) === SPACE)) return true;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return false;
    }
    return false;
  }

  /**
   * A value written on the line of its key or list dash (`parent` is that key's or dash's column).
   * Moves to the next content line, which must not be indented deeper than the parent.
   */
  private inlineValue(at: number, parent: number): unknown {
    const { text } = this;
    this.emptyEnd = -1;
    const c = text.charCodeAt(at);
    let value: unknown;
    let end: number;
    if (c === QUOTE || c === APOSTROPHE || c === 0x5b /* [ */ || c === 0x7b /* { */) {
      [value, end] = this.flowNode(at);
    } else if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      return this.blockScalar(at, parent);
    } else {
      if (NOT_PLAIN_START.has(c) || (c === DASH && this.isDash(at))) giveUp();
      end = this.plainEnd(at);
      value = plainValue(text.slice(at, end));
      this.note(at, end, value);
      end = this.lineEnd;
    }
    const rest = this.skipSpaces(end);
    if (rest < this.lineEnd && (rest === end || text.charCodeAt(rest) !== HASH)) giveUp();
    this.seekContent(this.lineEnd + 1);
    // A deeper line would continue a multi-line scalar (or be an error): left to the yaml package.
    if (this.lineStart >= 0 && this.indent > parent) giveUp();
    return value;
  }

  /** The end of a plain scalar (trailing spaces and comment excluded); `: ` inside it gives up. */
  private plainEnd(at: number): number {
    const { text } = this;
    let end = this.lineEnd;
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
      if (c === COLON && (i + 1 === this.lineEnd || text.charCodeAt(i + 1) === SPACE)) giveUp();
    }
    while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /** The offset after the closing `"` on this line (a scalar going on to the next line gives up). */
  private doubleQuotedEnd(at: number): number {
    const { text } = this;
    for (let i = at + 1; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === QUOTE) return i + 1;
    }
    return giveUp();
  }

  private singleQuotedEnd(at: number): number {
    const { text } = this;
    for (let i = at + 1; i < this.lineEnd; i++) {
      if (text.charCodeAt(i) !== APOSTROPHE) continue;
      if (text.charCodeAt(i + 1) === APOSTROPHE) i++;
      else return i + 1;
    }
    return giveUp();
  }

  /** A flow node on one line (`[a, "b", {c: 1}]`, `{a: 1}`, a scalar): its value and the offset after it. */
  private flowNode(at: number): [unknown, number] {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 0x5b /* [ */) return this.flowCollection(at, false);
    if (c === 0x7b /* { */) return this.flowCollection(at, true);
    let value: unknown;
    let end: number;
    let last: number;
    if (c === QUOTE) {
      last = end = this.doubleQuotedEnd(at);
      value = unescapeDouble(text.slice(at + 1, end - 1));
    } else if (c === APOSTROPHE) {
      last = end = this.singleQuotedEnd(at);
      value = text.slice(at + 1, end - 1).replaceAll("''", "'");
    } else {
      end = this.flowPlainEnd(at);
      last = end;
      while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
      value = plainValue(text.slice(at, last));
    }
    this.note(at, last, value);
    return [value, end];
  }

  /** The end of a plain scalar inside a flow collection: at `,`, `]`, `}` or a `: `. */
  private flowPlainEnd(at: number): number {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (at >= this.lineEnd || NOT_PLAIN_START.has(first) || first === DASH) giveUp();
    let end = at;
    while (end < this.lineEnd) {
      const d = text.charCodeAt(end);
      if (d === 0x2c /* , */ || d === 0x5d /* ] */ || d === 0x7d /* } */) break;
      if (d === COLON) {
        if (end + 1 < this.lineEnd && text.charCodeAt(end + 1) === SPACE) break;
        giveUp();
      }
      if (d === HASH || d === 0x5b || d === 0x7b) giveUp();
      end++;
    }
    return end;
  }

  /** `[…]` or `{…}` on one line. Returns the value and the offset after the closing bracket. */
  private flowCollection(at: number, isMap: boolean): [unknown, number] {
    const { text } = this;
    if (++this.depth > MAX_DEPTH) giveUp();
    const close = isMap ? 0x7d : 0x5d;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let i = this.skipSpaces(at + 1);
    if (text.charCodeAt(i) === close && i < this.lineEnd) {
      this.depth--;
      return [isMap ? map : list, i + 1];
    }
    for (;;) {
      if (isMap) {
        const keyEnd = this.flowPlainEnd(i);
        let last = keyEnd;
        while (last > i && text.charCodeAt(last - 1) === SPACE) last--;
        const key = text.slice(i, last);
        // Only `key: value` pairs: a key without a value, or a key not a plain string, gives up.
        if (text.charCodeAt(keyEnd) !== COLON || keyEnd >= this.lineEnd) giveUp();
        if (typeof plainValue(key) !== 'string' || key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
        this.note(i, last, key, key);
        const valueAt = this.skipSpaces(keyEnd + 1);
        const v = text.charCodeAt(valueAt);
        if (valueAt >= this.lineEnd || v === 0x2c || v === 0x7d || v === 0x5d) giveUp();
        this.probe?.path.push(key);
        const [value, end] = this.flowNode(valueAt);
        this.probe?.path.pop();
        map[key] = value;
        i = end;
      } else {
        this.probe?.path.push(list.length);
        const [value, end] = this.flowNode(i);
        this.probe?.path.pop();
        // `[a: 1]` is a list holding a one-pair map: left to the yaml package.
        if (text.charCodeAt(end) === COLON) giveUp();
        list.push(value);
        i = end;
      }
      i = this.skipSpaces(i);
      const d = text.charCodeAt(i);
      if (i < this.lineEnd && d === close) {
        this.depth--;
        return [isMap ? map : list, i + 1];
      }
      if (i >= this.lineEnd || d !== 0x2c /* , */) giveUp();
      i = this.skipSpaces(i + 1);
      // A trailing comma, or a collection going on to the next line.
      if (i >= this.lineEnd || text.charCodeAt(i) === close) giveUp();
    }
  }

  /** `|`, `|-`, `>` or `>-` and its indented lines. `parent` is the column of its key or dash. */
  private blockScalar(at: number, parent: number): string {
    const { text } = this;
    const folded = text.charCodeAt(at) === 0x3e;
    let i = at + 1;
    let strip = false;
    const chomp = text.charCodeAt(i);
    if (chomp === DASH) {
      strip = true;
      i++;
    } else if (chomp === 0x2b /* + */) {
      giveUp();
    }
    const rest = this.skipSpaces(i);
    if (rest < this.lineEnd && (rest === i || text.charCodeAt(rest) !== HASH)) giveUp();

    // The content: the lines up to the first non-blank one indented no deeper than the parent.
    const lines: string[] = [];
    let blankRun = 0;
    let indent = -1;
    let at2 = this.lineEnd + 1;
    let lastContentEnd = -1;
    while (at2 < text.length) {
      let end = text.indexOf('\n', at2);
      if (end < 0) end = text.length;
      let first = at2;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      const spaces = first - at2;
      if (first === end) {
        // A blank line: kept inside the content, but only if no deeper than its indentation.
        if (indent < 0 || spaces > indent) giveUp();
        blankRun++;
        at2 = end + 1;
        continue;
      }
      if (indent < 0) {
        if (spaces <= parent) break;
        indent = spaces;
      } else if (spaces < indent) {
        break;
      }
      if (folded && spaces > indent) giveUp();
      const line = text.slice(at2 + indent, end);
      if (!lines.length) lines.push(line);
      else if (folded) lines.push(blankRun ? '\n'.repeat(blankRun) : ' ', line);
      else lines.push('\n'.repeat(blankRun + 1), line);
      blankRun = 0;
      lastContentEnd = end;
      at2 = end + 1;
    }
    // No content, or content ending the text without a line break: left to the yaml package.
    if (indent < 0 || lastContentEnd >= text.length) giveUp();
    this.seekContent(at2);
    if (this.lineStart >= 0 && this.indent > parent) giveUp();
    const body = lines.join('');
    const value = strip ? body : `${body}\n`;
    this.note(at, lastContentEnd + 1, value);
    return value;
  }
}

/** `---` or `...` at the start of a line, followed by a space or the line's end. */
function isMarker(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  return text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === c && (at + 3 === end || text.charCodeAt(at + 3) === SPACE);
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** A double-quoted scalar's text; escapes other than the common ones give up. */
function unescapeDouble(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  return raw.replace(/\\(.)/g, (_match, c: string) => SIMPLE_ESCAPES[c] ?? giveUp());
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;

/** A plain scalar's value under YAML 1.2's core schema (the yaml package's default). */
function plainValue(s: string): unknown {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === DASH || c === 0x2b /* + */ || c === 0x2e /* . */) {
    if (INT.test(s)) {
      // Beyond 15 digits the conversions may round differently: left to the yaml package.
      if (s.length > 15) giveUp();
      return parseInt(s, 10);
    }
    if (FLOAT.test(s)) return parseFloat(s);
    if (OTHER_NUMBER.test(s)) giveUp();
  }
  return s;
}
