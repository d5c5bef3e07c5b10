// Folding ranges: one per document and one per block that spans lines (a key with a nested map,
// list or multi-line scalar; a list item that is a map). Structural, so every YAML file gets them.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { FileModel } from '../model/file';
import type { ParsedChunk } from '../yaml/parse';
import type { FoldingRange } from '../types';

/** Chunk offset of the last non-whitespace character before `end` (block ranges include the line break). */
function lastCharBefore(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1])) i--;
  return Math.max(start, i - 1);
}

/** Foldable spans of a chunk's documents in chunk offsets, computed once per chunk (chunks outlive edits elsewhere). */
const SPANS = new WeakMap<ParsedChunk, readonly number[]>();

function chunkSpans(chunk: ParsedChunk): readonly number[] {
  let spans = SPANS.get(chunk);
  if (spans) return spans;
  const out: number[] = [];
  const text = chunk.text;
  const fold = (from: number, node: Node | null | undefined) => {
    if (node?.range) out.push(from, lastCharBefore(text, from, node.range[1]));
  };
  const visit = (node: Node | null | undefined) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && value && !(isScalar(value) && value.range && value.range[0] === value.range[1])) fold(key.range[0], value);
        visit(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const child = item as Node | null;
        if (child?.range && (isMap(child) || isSeq(child))) fold(child.range[0], child);
        visit(child);
      }
    }
  };
  for (const doc of chunk.docs) {
    const contents = doc.doc.contents as Node | null;
    if (!contents?.range) continue;
    fold(contents.range[0], contents);
    visit(contents);
  }
  SPANS.set(chunk, (spans = out));
  return spans;
}

/** Folding ranges of every document of the file, sorted by start line, one per start line. */
export function foldingRanges(file: FileModel): FoldingRange[] {
  const lines = file.parsed.lines;
  const byStart = new Map<number, number>();
  for (const { base, chunk } of file.parsed.chunks) {
    const spans = chunkSpans(chunk);
    for (let i = 0; i < spans.length; i += 2) {
      const startLine = lines.position(base + spans[i]).line;
      const endLine = lines.position(base + spans[i + 1]).line;
      if (endLine > startLine && (byStart.get(startLine) ?? -1) < endLine) byStart.set(startLine, endLine);
    }
  }
  return [...byStart].sort((a, b) => a[0] - b[0]).map(([startLine, endLine]) => ({ startLine, endLine }));
}
