// Where the objects of a YAML file are, so that istioctl's `file:line` references and `file[N]`
// document numbers can be turned into editor ranges. Never throws: broken YAML, Helm templates
// and binary files give the objects that can still be found by their lines (or none).
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { ObjectLocation } from './types';

interface Line {
  readonly text: string;
  readonly index: number;
}

/** Every object (document, or item of a `kind: List`) with a kind and a metadata.name. */
export function locateObjects(text: string): ObjectLocation[] {
  const lines = splitLines(text);
  const objects: ObjectLocation[] = [];
  let start = 0;
  const flush = (end: number) => {
    const doc = trimBlank(lines.slice(start, end));
    if (doc.length) objects.push(...objectsOfDocument(doc));
  };
  lines.forEach((line, i) => {
    if (/^(?:---|\.\.\.)(?=\s|$)/.test(line.text)) {
      flush(i);
      start = i + 1;
    }
  });
  flush(lines.length);
  return objects;
}

function objectsOfDocument(doc: Line[]): ObjectLocation[] {
  const firstLine = doc[0].index;
  const lastLine = doc[doc.length - 1].index;
  const text = doc.map((l) => l.text).join('\n');
  try {
    const parsed = parseDocument(text, { uniqueKeys: false, strict: false });
    if (!parsed.errors.length && isMap(parsed.contents)) {
      const lineAt = (offset: number) => firstLine + countNewlines(text, offset);
      const root = parsed.contents;
      const kind = scalarString(root.get('kind', true));
      const items = root.get('items', true);
      if (kind?.endsWith('List') && isSeq(items)) {
        return items.items.flatMap((item) => {
          if (!isMap(item) || !item.range) return [];
          const found = identity(item, lineAt);
          return found ? [{ ...found, line: found.line ?? lineAt(item.range[0]), firstLine: lineAt(item.range[0]), lastLine: lineAt(Math.max(item.range[0], item.range[1] - 1)) }] : [];
        });
      }
      const found = identity(root, lineAt);
      return found ? [{ ...found, line: found.line ?? firstLine, firstLine, lastLine }] : [];
    }
  } catch {
    // The yaml package does not throw on bad input, but a file is not worth a crash: scan the lines instead.
  }
  const scanned = scanDocument(doc);
  return scanned ? [{ ...scanned, firstLine, lastLine }] : [];
}

function identity(map: YAMLMap, lineAt: (offset: number) => number): { kind: string; name: string; namespace?: string; line?: number } | undefined {
  const kind = scalarString(map.get('kind', true));
  const metadata = map.get('metadata', true);
  if (!kind || !isMap(metadata)) return undefined;
  const nameNode = metadata.get('name', true);
  const name = scalarString(nameNode);
  if (!name) return undefined;
  const namespace = scalarString(metadata.get('namespace', true));
  return { kind, name, ...(namespace ? { namespace } : {}), ...(isScalar(nameNode) && nameNode.range ? { line: lineAt(nameNode.range[0]) } : {}) };
}

/** For documents YAML cannot parse (Helm templates, half-typed text): top-level `kind:` and metadata's own `name:` / `namespace:`. */
function scanDocument(doc: Line[]): { kind: string; name: string; namespace?: string; line: number } | undefined {
  let kind: string | undefined;
  let name: { value: string; line: number } | undefined;
  let namespace: string | undefined;
  for (let i = 0; i < doc.length; i++) {
    const text = doc[i].text;
    const k = /^kind:[ \t]*(.*)$/.exec(text);
    if (k && kind === undefined) kind = plainValue(k[1]);
    if (!/^metadata:[ \t]*(#.*)?$/.test(text) || name) continue;
    let indent: string | undefined;
    for (let j = i + 1; j < doc.length; j++) {
      const inner = doc[j].text;
      if (!inner.trim() || /^\s*#/.test(inner)) continue;
      const own = /^(\s+)/.exec(inner)?.[1];
      if (!own) break;
      indent ??= own;
      if (own !== indent) continue;
      const field = /^\s+(name|namespace):[ \t]*(.*)$/.exec(inner);
      if (field?.[1] === 'name') name = { value: plainValue(field[2]) ?? '', line: doc[j].index };
      if (field?.[1] === 'namespace') namespace = plainValue(field[2]);
    }
  }
  // A templated kind or name is not known until the chart is rendered.
  if (!kind || !name?.value || /\{\{/.test(kind + name.value)) return undefined;
  return { kind, name: name.value, ...(namespace && !/\{\{/.test(namespace) ? { namespace } : {}), line: name.line };
}

/** A scalar as written: quotes removed, a trailing comment dropped; undefined for block/flow values. */
function plainValue(raw: string): string | undefined {
  const text = raw.trim();
  const quoted = /^(["'])(.*)\1\s*(#.*)?$/.exec(text);
  if (quoted) return quoted[2];
  const plain = text.replace(/\s+#.*$/, '').trim();
  return plain && !/^[|>[{&*!]/.test(plain) ? plain : undefined;
}

const scalarString = (node: unknown): string | undefined => (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined);

// ---- istioctl's own numbering ----

/**
 * One Read() of istioctl's YAML reader (pilot/pkg/config/file/util/kubeyaml): the lines of the
 * chunk (0-based) and how much higher than the real line istioctl numbers each of its lines.
 *
 * The reader cuts at lines that are `---` plus optional blanks, but a `---` met while its buffer is
 * still empty (the file's first line, or right after the `---` that ended the previous chunk) goes
 * into the chunk. The chunk's first line number is its first line that is neither empty nor
 * exactly `---`, while the YAML parser counts lines of the chunk with leading whitespace trimmed
 * (so from the `---`): every line after such a `---` is numbered 1 + (blank lines between) too high.
 */
interface Chunk {
  readonly index: number;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly shift: number;
}

function istioctlChunks(text: string): Chunk[] {
  // Go's ReadLine drops "\r\n" and "\n"; the reader then sees one more, empty line at EOF.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (!text.endsWith('\n')) lines.push('');
  const chunks: Chunk[] = [];
  let i = 0;
  let reads = 0;
  while (i < lines.length) {
    const index = reads++;
    const buffer: number[] = [];
    let start: number | undefined;
    for (;;) {
      const line = lines[i];
      const at = i++;
      const eof = i === lines.length;
      if (start === undefined && line !== '' && line !== '---') start = at;
      if (line.startsWith('---') && line.slice(3).trim() === '') {
        if (buffer.length || eof) break;
      }
      if (eof) break;
      buffer.push(at);
    }
    if (!buffer.length || start === undefined) continue;
    const firstContent = buffer.find((n) => lines[n].trim() !== '');
    if (firstContent === undefined) continue;
    chunks.push({ index, firstLine: buffer[0], lastLine: buffer[buffer.length - 1], shift: start - firstContent });
  }
  return chunks;
}

/** The 0-based line of the file that istioctl means by its 1-based `line`; undefined when it is in none of its chunks. */
function realLine(text: string, line: number): number | undefined {
  for (const chunk of istioctlChunks(text)) {
    const real = line - 1 - chunk.shift;
    if (real >= chunk.firstLine && real <= chunk.lastLine) return real;
  }
  return undefined;
}

/**
 * The 1-based line istioctl means by its 1-based `line` of a `file:line` reference (it numbers the
 * lines of some documents one or more too high); the line unchanged when the text does not explain it
 * (the file changed since istioctl read it).
 */
export function correctedIstioctlLine(text: string, line: number): number {
  const real = realLine(text, line);
  return real === undefined ? line : real + 1;
}

/** The object holding the line of an istioctl `file:line` reference (1-based). */
export function istioctlLineToObject(text: string, line: number): ObjectLocation | undefined {
  const real = realLine(text, line);
  if (real === undefined) return undefined;
  return locateObjects(text).find((o) => real >= o.firstLine && real <= o.lastLine);
}

/** The (first) object of istioctl's document N, as in `error processing file.yaml[N]` (N counts istioctl's reads from 0). */
export function istioctlDocumentToObject(text: string, document: number): ObjectLocation | undefined {
  const chunk = istioctlChunks(text).find((c) => c.index === document);
  if (!chunk) return undefined;
  return locateObjects(text).find((o) => o.lastLine >= chunk.firstLine && o.firstLine <= chunk.lastLine);
}

// ---- lines ----

function splitLines(text: string): Line[] {
  return text.split('\n').map((t, index) => ({ text: t.replace(/\r$/, ''), index }));
}

function trimBlank(lines: Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].text.trim()) a++;
  while (b > a && !lines[b - 1].text.trim()) b--;
  return lines.slice(a, b);
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
