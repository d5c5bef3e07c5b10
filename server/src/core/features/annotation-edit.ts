// Sets one annotation of a resource with a minimal text edit: replaces the value when the key is
// there, else adds the entry to `metadata.annotations` (creating the map when missing), in the
// style (block or flow) the surrounding map is written in.
import { isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Resource } from '../model/resource';
import { findPair, locate } from '../yaml/path';
import { docPath } from './reference-places';

/** A replacement in chunk offsets of the resource's chunk. */
export interface ChunkChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

type Entry = { readonly key: string; readonly value: string } | { readonly key: string; readonly map: { readonly key: string; readonly value: string } };

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function blockLines(entry: Entry): string[] {
  return 'map' in entry ? [`${entry.key}:`, `  ${entry.map.key}: ${entry.map.value}`] : [`${entry.key}: ${entry.value}`];
}

function flowText(entry: Entry): string {
  return 'map' in entry ? `${entry.key}: {${entry.map.key}: ${entry.map.value}}` : `${entry.key}: ${entry.value}`;
}

/** Adds an entry at the end of a map. */
function addEntry(text: string, map: YAMLMap, entry: Entry): ChunkChange | undefined {
  if (!map.range) return undefined;
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range[1]);
    if (close < map.range[0]) return undefined;
    return { start: close, end: close, newText: map.items.length ? `, ${flowText(entry)}` : flowText(entry) };
  }
  const pairs = map.items.filter(isPair) as Pair[];
  const first = pairs[0]?.key;
  const last = pairs[pairs.length - 1];
  if (!isScalar(first) || !first.range || !last || !isScalar(last.key) || !last.key.range) return undefined;
  const indent = ' '.repeat(first.range[0] - lineStart(text, first.range[0]));
  const lines = blockLines(entry).map((l) => indent + l);
  const valueEnd = (last.value as { range?: [number, number, number] } | null)?.range?.[1] ?? last.key.range[1];
  // A block value's range may end at the start of the next line; else insert at the end of its line.
  if (valueEnd > 0 && text[valueEnd - 1] === '\n') return { start: valueEnd, end: valueEnd, newText: `${lines.join('\n')}\n` };
  const newline = text.indexOf('\n', valueEnd);
  const at = newline < 0 ? text.length : newline;
  return { start: at, end: at, newText: `\n${lines.join('\n')}` };
}

/**
 * The edit that sets annotation `key` to `next(current)` (returning undefined leaves it alone).
 * Undefined when the resource has no `metadata` map, or its annotations are not a map.
 */
export function setAnnotation(resource: Resource, key: string, next: (current: string | undefined) => string | undefined): ChunkChange | undefined {
  const doc = resource.parsed.doc;
  const text = resource.chunk.text;
  const metadataPath = docPath(resource, ['metadata']);
  const metadata = locate(doc, metadataPath);
  if (metadata.depth < metadataPath.length || !isMap(metadata.node)) return undefined;
  const annotations = findPair(metadata.node, 'annotations');
  if (!annotations) {
    const value = next(undefined);
    return value === undefined ? undefined : addEntry(text, metadata.node, { key: 'annotations', map: { key, value: JSON.stringify(value) } });
  }
  if (!isMap(annotations.value)) return undefined;
  const pair = findPair(annotations.value, key);
  if (!pair) {
    const value = next(undefined);
    return value === undefined ? undefined : addEntry(text, annotations.value, { key, value: JSON.stringify(value) });
  }
  const current = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : undefined;
  const value = next(current);
  if (value === undefined) return undefined;
  if (isScalar(pair.value) && pair.value.range && pair.value.range[1] > pair.value.range[0]) {
    return { start: pair.value.range[0], end: pair.value.range[1], newText: JSON.stringify(value) };
  }
  // `key:` with no value: write one after the colon.
  const keyEnd = isScalar(pair.key) && pair.key.range ? pair.key.range[1] : undefined;
  if (keyEnd === undefined) return undefined;
  const colon = text.indexOf(':', keyEnd);
  return colon < 0 ? undefined : { start: colon + 1, end: colon + 1, newText: ` ${JSON.stringify(value)}` };
}
