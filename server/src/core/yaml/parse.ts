// Parses YAML text into documents with exact source ranges. Never throws: problems become errors.
import { type Document, isScalar, parseAllDocuments, Scalar, visit } from 'yaml';
import type { ChangedRegion } from '../text/changes';
import { LineIndex } from '../text/line-index';
import { parseSimpleDocument } from './fast-parse';
import { isDirectivePrologue, splitRange, type TextChunk } from './split';

export interface YamlProblem {
  readonly message: string;
  /** Offsets relative to the chunk. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedDoc {
  /**
   * The yaml package's document; node ranges are relative to the chunk. It may be parsed again when
   * read (see DocumentStore): read it where ranges or nodes are needed, not to test identity (`origin`).
   */
  readonly doc: Document.Parsed;
  /** The document as plain data, or undefined when it could not be converted (alias bomb). */
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
  /** How many syntax errors the document has. */
  readonly errorCount: number;
  /** The parsed document this is, or is a view of (an item of a `kind: List`): same origin, same YAML document. */
  readonly origin: ParsedDoc;
}

/** The yaml Documents of one chunk: kept by a DocumentStore while recently used (or pinned), parsed again on demand after. */
export interface ChunkDocuments {
  readonly text: string;
  docs: Document.Parsed[] | undefined;
  /** Kept whatever the budget (the chunk is in a file open in the editor). */
  pinned: boolean;
  /** When the store last handed out its Documents (0: the store does not keep them). */
  lastUse: number;
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

function parseDocuments(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  return Array.isArray(parsed) ? parsed : [];
}

/**
 * Keeps the yaml Documents of the most recently used chunks, up to a budget of source characters, and
 * drops the others (they are parsed again, identically, when read). A Document takes about 25 bytes of
 * memory per byte of YAML, far more than anything else the analysis keeps, and it is needed only for
 * ranges and nodes: findings are computed once and cached in offsets. With an infinite budget (the
 * default, for tools parsing a few files) every Document is kept and nothing is parsed twice.
 */
export class DocumentStore {
  /** Uses in order (oldest first); an entry is stale when its source was used again since or dropped. */
  private uses: { source: ChunkDocuments; use: number }[] = [];
  private head = 0;
  private clock = 0;
  /** Characters and number of the unpinned chunks whose Documents are kept. */
  private chars = 0;
  private kept = 0;

  constructor(readonly maxChars = Infinity) {}

  /** The chunk's Documents, parsed again if they were dropped. */
  documents(source: ChunkDocuments): Document.Parsed[] {
    let docs = source.docs;
    if (!docs) source.docs = docs = parseDocuments(source.text);
    this.touch(source);
    return docs;
  }

  /**
   * Keeps a chunk's Documents whatever the budget (its file is open in the editor: the outline,
   * folding and lenses read every document of it), or lets the budget apply again.
   */
  pin(chunk: ParsedChunk, pinned: boolean): void {
    const source = chunk.documents;
    if (!source || source.pinned === pinned) return;
    if (pinned && source.lastUse) {
      this.chars -= source.text.length;
      this.kept--;
      source.lastUse = 0;
    }
    source.pinned = pinned;
    if (!pinned && source.docs) this.touch(source);
  }

  /** Records the chunk's Documents as just used, dropping the least recently used ones beyond the budget. */
  touch(source: ChunkDocuments): void {
    if (this.maxChars === Infinity || source.pinned) return;
    if (!source.lastUse) {
      this.chars += source.text.length;
      this.kept++;
    }
    source.lastUse = ++this.clock;
    this.uses.push({ source, use: source.lastUse });
    while (this.chars > this.maxChars && this.head < this.uses.length) {
      const { source: oldest, use } = this.uses[this.head];
      // What is being handed out stays, even when it alone is over the budget.
      if (oldest === source && use === source.lastUse) break;
      this.head++;
      if (oldest.lastUse !== use) continue;
      oldest.lastUse = 0;
      oldest.docs = undefined;
      this.chars -= oldest.text.length;
      this.kept--;
    }
    // Drop consumed and stale entries now and then, so the queue stays about as long as what is kept.
    if (this.uses.length - this.head > 1024 + 4 * this.kept) {
      this.uses = this.uses.slice(this.head).filter((e) => e.source.lastUse === e.use);
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.uses.length) {
      this.uses = this.uses.slice(this.head);
      this.head = 0;
    }
  }
}

/** Keeps every Document (the default). */
const KEEP_ALL = new DocumentStore();

/** A document of a chunk, whose yaml Document comes from the store. */
class StoredDoc implements ParsedDoc {
  constructor(
    private readonly source: ChunkDocuments,
    private readonly index: number,
    private readonly store: DocumentStore,
    readonly value: unknown,
    readonly start: number,
    readonly end: number,
    readonly errorCount: number,
  ) {}

  get doc(): Document.Parsed {
    return this.store.documents(this.source)[this.index];
  }

  get origin(): ParsedDoc {
    return this;
  }
}

/** One `---`-separated part of a file. Immutable and independent of its position, so it can be reused. */
export interface ParsedChunk {
  readonly text: string;
  readonly docs: readonly ParsedDoc[];
  readonly problems: readonly YamlProblem[];
  /** The chunk holds Helm/Go template syntax; it is not YAML we can judge. */
  readonly templated: boolean;
  /** An Istio `apiVersion:` line is written in it (even if the document does not parse). */
  readonly istioApiVersion: boolean;
  /** Where its yaml Documents are kept (absent when it has none). */
  readonly documents?: ChunkDocuments;
}

export interface PlacedChunk {
  readonly base: number;
  readonly chunk: ParsedChunk;
}

export interface ParsedFile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly PlacedChunk[];
  /** The file looks like binary data; nothing in it is analysed. */
  readonly binary: boolean;
}

/** Kubernetes' own YAML decoder has no alias limit; 1,000 expansions is far above any real manifest. */
const MAX_ALIAS_COUNT = 1000;
const TEMPLATE = /\{\{|\{%/;

/**
 * Template syntax inside literal or folded block scalars is data, not templating: the sidecar
 * injector's ConfigMap carries Go templates in `data.config: |`. Such a chunk is ordinary YAML.
 */
function templatesOnlyInBlockScalars(text: string, docs: readonly Document.Parsed[]): boolean {
  if (docs.some((d) => d.errors.length)) return false;
  const blocks: [number, number][] = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) && node.range) blocks.push([node.range[0], node.range[1]]);
      },
    });
  }
  const pattern = new RegExp(TEMPLATE.source, 'g');
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (!blocks.some(([start, end]) => at >= start && at < end)) return false;
  }
  return true;
}

const ISTIO_API_VERSION = /^\s*apiVersion:\s*["']?[\w.-]*istio\.io\//m;

export function parseChunk(text: string, store: DocumentStore = KEEP_ALL): ParsedChunk {
  const istioApiVersion = ISTIO_API_VERSION.test(text);
  if (TEMPLATE.test(text)) {
    let docs: Document.Parsed[] = [];
    try {
      docs = parseDocuments(text);
    } catch {
      docs = [];
    }
    if (!docs.length || !templatesOnlyInBlockScalars(text, docs)) return { text, docs: [], problems: [], templated: true, istioApiVersion: false };
  }
  // Most manifests are plain block YAML: read them without building yaml Documents, which are made
  // (by the store, on demand) only where a feature needs node ranges.
  const simple = parseSimpleDocument(text);
  if (simple) {
    const source: ChunkDocuments = { text, docs: undefined, pinned: false, lastUse: 0 };
    const doc = new StoredDoc(source, 0, store, simple.value, simple.start, simple.end, 0);
    return { text, docs: [doc], problems: [], templated: false, istioApiVersion, documents: source };
  }
  const problems: YamlProblem[] = [];
  const docs: ParsedDoc[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseDocuments(text);
  } catch (error) {
    // The yaml package is not supposed to throw on any input; if it does, say so instead of crashing.
    return { text, docs: [], problems: [{ message: `YAML parser failed: ${String(error)}`, start: 0, end: Math.min(text.length, 1) }], templated: false, istioApiVersion };
  }
  const source: ChunkDocuments = { text, docs: parsed, pinned: false, lastUse: 0 };
  store.touch(source);
  for (const [index, doc] of parsed.entries()) {
    for (const error of doc.errors) {
      problems.push({ message: cleanMessage(error.message), start: error.pos[0], end: problemEnd(text, error.pos[0], error.pos[1]) });
    }
    let value: unknown;
    try {
      value = doc.errors.length ? safeToJs(doc) : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      value = undefined;
      const message = String((error as Error).message ?? error);
      const range = doc.contents?.range ?? [0, 1];
      problems.push({
        message: /alias/i.test(message)
          ? 'This document expands YAML aliases too many times (a "billion laughs" alias bomb); it is not analysed.'
          : `This document cannot be read as data: ${message}`,
        start: range[0],
        end: Math.max(range[0] + 1, Math.min(range[1], range[0] + 80)),
      });
    }
    const range = doc.range ?? [0, text.length, text.length];
    docs.push(new StoredDoc(source, index, store, value, range[0], range[2], doc.errors.length));
  }
  return { text, docs, problems, templated: false, istioApiVersion, documents: source };
}

/** A document with syntax errors can still yield most of its data; recover what we can. */
function safeToJs(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

/** The parser marks some errors with one character; underline the whole word (a duplicate key) instead. */
function problemEnd(text: string, start: number, end: number): number {
  if (end - start > 1) return end;
  const word = /[^\s:,[\]{}#]+/y;
  word.lastIndex = start;
  return word.test(text) ? word.lastIndex : Math.max(end, start + 1);
}

function cleanMessage(message: string): string {
  // Drop the parser's own "at line x, column y" suffix: the editor shows the position already.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  return sample.includes('\u0000') || /[\u0001-\u0008\u000e-\u001a]{4}/.test(sample);
}

/** A parse and which of its chunks are new: `chunks[from, from + added)` replaced `removed` chunks of the previous parse. */
export interface FileParse {
  readonly parsed: ParsedFile;
  readonly from: number;
  readonly removed: number;
  readonly added: number;
}

/** Takes the chunk of `reusable` with this text, at most once each: a chunk object appears once per file. */
function reuseOrParse(piece: TextChunk, reusable: Map<string, ParsedChunk[]>, store: DocumentStore): PlacedChunk {
  const chunk = reusable.get(piece.text)?.pop() ?? parseChunk(piece.text, store);
  return { base: piece.base, chunk };
}

function reusableChunks(chunks: readonly PlacedChunk[]): Map<string, ParsedChunk[]> {
  const out = new Map<string, ParsedChunk[]>();
  // Reversed, so that `pop` hands out equal chunks in file order.
  for (let i = chunks.length - 1; i >= 0; i--) {
    const { chunk } = chunks[i];
    const list = out.get(chunk.text);
    if (list) list.push(chunk);
    else out.set(chunk.text, [chunk]);
  }
  return out;
}

/** Index of the chunk containing an offset (chunks are sorted by base and cover the text). */
function chunkIndexAt(chunks: readonly PlacedChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].base <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Parses a file, reusing the chunks of `previous` whose text did not change: an edit in one
 * document of a large multi-document file reparses that document only. With the `changed` region of
 * an edit, only the chunks around it are split and compared and the line index is updated, not
 * rebuilt, so the cost of an edit does not grow with the size of the file.
 */
export function parseFile(text: string, previous?: ParsedFile, changed?: ChangedRegion, store: DocumentStore = KEEP_ALL): ParsedFile {
  return parseFileChanges(text, previous, changed, store).parsed;
}

export function parseFileChanges(text: string, previous?: ParsedFile, changed?: ChangedRegion, store: DocumentStore = KEEP_ALL): FileParse {
  if (previous && changed && !previous.binary && previous.chunks.length && consistent(previous.text, text, changed)) {
    const incremental = parseRegion(text, previous, changed, store);
    if (incremental) return incremental;
  }
  const lines = new LineIndex(text);
  const removed = previous?.chunks.length ?? 0;
  if (looksBinary(text)) return { parsed: { text, lines, chunks: [], binary: true }, from: 0, removed, added: 0 };
  const reusable = reusableChunks(previous?.chunks ?? []);
  const chunks = splitRange(text, 0, text.length).map((piece) => reuseOrParse(piece, reusable, store));
  return { parsed: { text, lines, chunks, binary: false }, from: 0, removed, added: chunks.length };
}

/** The region must describe the two texts (a wrong one from the host falls back to a full parse). */
function consistent(before: string, after: string, { start, oldEnd, newEnd }: ChangedRegion): boolean {
  return start >= 0 && start <= oldEnd && start <= newEnd && oldEnd <= before.length && newEnd <= after.length && before.length - oldEnd === after.length - newEnd;
}

/** Markers that start within this many characters of an edit may have appeared or gone. */
const MARKER_REACH = 5;

function parseRegion(text: string, previous: ParsedFile, { start, oldEnd, newEnd }: ChangedRegion, store: DocumentStore): FileParse | undefined {
  // Binary detection reads the first 8 KB: an edit there decides again.
  if (start < 8192 && looksBinary(text)) return undefined;
  const old = previous.chunks;
  const delta = newEnd - oldEnd;
  // A marker at q depends on the characters q - 1 … q + 3: the chunks whose markers the edit can
  // touch are those from the one holding start - 5 to the one holding oldEnd + 4.
  const first = chunkIndexAt(old, Math.max(0, start - MARKER_REACH));
  const last = chunkIndexAt(old, Math.min(previous.text.length, oldEnd + MARKER_REACH - 1));
  const from = old[first].base;
  const oldTo = last + 1 < old.length ? old[last + 1].base : previous.text.length;
  // The new chunks' texts are copied out of the file's text: V8 keeps slices as views of the string
  // they came from, so each chunk (and every scalar parsed out of it) would otherwise keep this whole
  // version of a large file alive after the next edit replaced it.
  const pieces = splitRange(text, from, oldTo + delta).map((piece) => ({ base: piece.base, text: ownCopy(piece.text) }));
  // A directive prologue left alone at the end of the region would belong to the chunk after it.
  if (from === 0 && pieces.length === 1 && last + 1 < old.length && isDirectivePrologue(pieces[0].text)) return undefined;
  const reusable = reusableChunks(old.slice(first, last + 1));
  const region = pieces.map((piece) => reuseOrParse(piece, reusable, store));
  const after = old.slice(last + 1).map((placed) => (delta ? { base: placed.base + delta, chunk: placed.chunk } : placed));
  const chunks = [...old.slice(0, first), ...region, ...after];
  const lines = previous.lines.edited(text, start, oldEnd, newEnd);
  return { parsed: { text, lines, chunks, binary: false }, from: first, removed: last - first + 1, added: region.length };
}

/** A string that shares no memory with the one it was sliced from (a flat copy of it). */
function ownCopy(text: string): string {
  // Concatenation makes a rope, which the slice flattens into a new string of about this length.
  return text.length < 16 ? text : ` ${text}`.slice(1);
}
