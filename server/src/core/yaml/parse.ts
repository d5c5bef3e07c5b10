// Parses YAML text into documents with exact source ranges. Never throws: problems become errors.
import { type Document, isScalar, parseAllDocuments, Scalar, visit } from 'yaml';
import { LineIndex } from '../text/line-index';
import { splitDocuments } from './split';

export interface YamlProblem {
  readonly message: string;
  /** Offsets relative to the chunk. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedDoc {
  /** The yaml package's document; node ranges are relative to the chunk. */
  readonly doc: Document.Parsed;
  /** The document as plain data, or undefined when it could not be converted (alias bomb). */
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
}

/** One `---`-separated part of a file. Immutable and independent of its position, so it can be reused. */
export interface ParsedChunk {
  readonly text: string;
  readonly docs: readonly ParsedDoc[];
  readonly problems: readonly YamlProblem[];
  /** The chunk holds Helm/Go template syntax; it is not YAML we can judge. */
  readonly templated: boolean;
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

export function parseChunk(text: string): ParsedChunk {
  if (TEMPLATE.test(text)) {
    let docs: Document.Parsed[] = [];
    try {
      docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
    } catch {
      docs = [];
    }
    if (!Array.isArray(docs) || !docs.length || !templatesOnlyInBlockScalars(text, docs)) return { text, docs: [], problems: [], templated: true };
  }
  const problems: YamlProblem[] = [];
  const docs: ParsedDoc[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
  } catch (error) {
    // The yaml package is not supposed to throw on any input; if it does, say so instead of crashing.
    return { text, docs: [], problems: [{ message: `YAML parser failed: ${String(error)}`, start: 0, end: Math.min(text.length, 1) }], templated: false };
  }
  if (!Array.isArray(parsed)) parsed = [];
  for (const doc of parsed) {
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
    docs.push({ doc, value, start: range[0], end: range[2] });
  }
  return { text, docs, problems, templated: false };
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

/**
 * Parses a file, reusing the chunks of `previous` whose text did not change: an edit in one
 * document of a large multi-document file reparses that document only.
 */
export function parseFile(text: string, previous?: ParsedFile): ParsedFile {
  const lines = new LineIndex(text);
  if (looksBinary(text)) return { text, lines, chunks: [], binary: true };
  const reusable = new Map<string, ParsedChunk>();
  for (const placed of previous?.chunks ?? []) reusable.set(placed.chunk.text, placed.chunk);
  const chunks = splitDocuments(text).map(({ base, text: chunkText }) => ({
    base,
    chunk: reusable.get(chunkText) ?? parseChunk(chunkText),
  }));
  return { text, lines, chunks, binary: false };
}
