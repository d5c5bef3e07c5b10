// Selection ranges (expand/shrink selection): scalar → its key/value pair → the enclosing map or
// list → its pair → … → the document. Structural, so every YAML file gets them.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { FileModel } from '../model/file';
import type { Position, SelectionRange } from '../types';
import { chunkAt } from './doc-context';

type Span = [number, number];

function trimmed(text: string, start: number, end: number): Span {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function contains(span: Span | undefined, offset: number): span is Span {
  return !!span && span[0] <= offset && offset <= span[1];
}

function spanOf(text: string, node: Node | null | undefined): Span | undefined {
  return node?.range ? trimmed(text, node.range[0], node.range[1]) : undefined;
}

/** Spans containing `offset`, outermost first. */
function spansAt(text: string, root: Node | null, offset: number): Span[] {
  const spans: Span[] = [];
  let node: Node | null | undefined = root;
  while (node) {
    const span = spanOf(text, node);
    if (!contains(span, offset)) break;
    spans.push(span);
    let next: Node | null | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = spanOf(text, pair.key as Node | null);
        const value = pair.value as Node | null;
        const valueSpan = spanOf(text, value);
        const entry: Span | undefined = key ? [key[0], valueSpan ? valueSpan[1] : key[1]] : valueSpan;
        if (!contains(entry, offset)) continue;
        spans.push(entry);
        if (contains(key, offset)) spans.push(key);
        else next = value;
        break;
      }
    } else if (isSeq(node)) {
      next = node.items.find((item) => contains(spanOf(text, item as Node), offset)) as Node | undefined;
    } else if (isScalar(node)) {
      break;
    }
    node = next;
  }
  return spans;
}

/** For each position, the chain of enclosing ranges, innermost first (parents point outwards). */
export function selectionRanges(file: FileModel, positions: readonly Position[]): SelectionRange[] {
  const lines = file.parsed.lines;
  return positions.map((position) => {
    const offset = lines.offset(position);
    const placed = chunkAt(file, offset);
    const empty: SelectionRange = { range: lines.range(offset, offset) };
    if (!placed) return empty;
    const relative = offset - placed.base;
    const { text, docs } = placed.chunk;
    const doc = docs.find((d) => contains(spanOf(text, d.doc.contents as Node | null), relative));
    if (!doc) return empty;
    let result: SelectionRange | undefined;
    let previous: Span | undefined;
    for (const span of spansAt(text, doc.doc.contents as Node | null, relative)) {
      if (previous && previous[0] === span[0] && previous[1] === span[1]) continue;
      previous = span;
      result = { range: lines.range(placed.base + span[0], placed.base + span[1]), parent: result };
    }
    return result ?? empty;
  });
}
