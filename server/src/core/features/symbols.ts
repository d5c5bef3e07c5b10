// Document symbols: one outline entry per resource (`Kind namespace/name`), with a VirtualService's
// routes, a Gateway's servers and a DestinationRule's subsets nested. Files without Istio
// configuration get no outline from us (other YAML tools already give one).
import type { Node } from 'yaml';
import type { FileModel } from '../model/file';
import { documentPath, isObject, type JsonObject, type Resource, resourceLabel } from '../model/resource';
import type { LineIndex } from '../text/line-index';
import type { DocumentSymbol, Range, SymbolKind } from '../types';
import { type FieldPath, locate } from '../yaml/path';
import { routeSummary, serverDetail, serverName, subsetDetail } from './route-summary';

/** A symbol in chunk offsets: computed once per resource (resources outlive edits elsewhere in the file). */
interface ChunkSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  readonly range: readonly [number, number];
  readonly selectionRange: readonly [number, number];
  readonly children: readonly ChunkSymbol[];
}

function nodeRange(node: Node | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** Chunk offsets without the trailing line break a block node's range includes. */
function trimmed(resource: Resource, [start, end]: readonly [number, number]): [number, number] {
  const text = resource.chunk.text;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function scalarRange(resource: Resource, path: FieldPath): [number, number] | undefined {
  const full = documentPath(resource, path);
  const found = locate(resource.parsed.doc, full);
  if (found.depth < full.length) return undefined;
  return nodeRange(found.node);
}

function firstLine(resource: Resource, [start, end]: [number, number]): [number, number] {
  const newline = resource.chunk.text.indexOf('\n', start);
  return [start, newline < 0 || newline > end ? end : newline];
}

function child(resource: Resource, path: FieldPath, name: string, kind: SymbolKind, detail: string): ChunkSymbol | undefined {
  const range = nodeRange(locate(resource.parsed.doc, documentPath(resource, path)).node);
  if (!range) return undefined;
  const selection = scalarRange(resource, [...path, 'name']) ?? firstLine(resource, range);
  return { name, detail: detail || undefined, kind, range: trimmed(resource, range), selectionRange: trimmed(resource, selection), children: [] };
}

function items(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.map((v) => (isObject(v) ? v : {})) : [];
}

function childrenOf(resource: Resource): ChunkSymbol[] {
  const spec = isObject(resource.value.spec) ? resource.value.spec : {};
  const out: (ChunkSymbol | undefined)[] = [];
  switch (resource.istioKind?.kind) {
    case 'VirtualService':
      for (const protocol of ['http', 'tcp', 'tls']) {
        items(spec[protocol]).forEach((route, i) => {
          const name = typeof route.name === 'string' && route.name ? route.name : `${protocol}[${i}]`;
          out.push(child(resource, ['spec', protocol, i], name, 'route', routeSummary(route)));
        });
      }
      break;
    case 'Gateway':
      items(spec.servers).forEach((server, i) => out.push(child(resource, ['spec', 'servers', i], serverName(server), 'server', serverDetail(server))));
      break;
    case 'DestinationRule':
      items(spec.subsets).forEach((subset, i) => {
        const name = typeof subset.name === 'string' && subset.name ? subset.name : `subsets[${i}]`;
        out.push(child(resource, ['spec', 'subsets', i], name, 'subset', subsetDetail(subset)));
      });
      break;
  }
  return out.filter((s): s is ChunkSymbol => !!s);
}

const OUTLINES = new WeakMap<Resource, ChunkSymbol>();

/** The resource's outline in chunk offsets, computed from its YAML document once. */
function resourceSymbol(resource: Resource): ChunkSymbol {
  let symbol = OUTLINES.get(resource);
  if (symbol) return symbol;
  const doc = resource.parsed;
  // An item of a `kind: List` spans its own range; a document starts at its contents (after comments).
  const range: [number, number] = resource.root.length ? [doc.start, doc.end] : [doc.doc.contents?.range?.[0] ?? doc.start, doc.end];
  const selection = scalarRange(resource, ['metadata', 'name']) ?? scalarRange(resource, ['kind']) ?? firstLine(resource, range);
  symbol = {
    name: resourceLabel(resource),
    detail: resource.apiVersion,
    kind: 'resource',
    range: trimmed(resource, range),
    selectionRange: trimmed(resource, selection),
    children: childrenOf(resource),
  };
  OUTLINES.set(resource, symbol);
  return symbol;
}

function placed(symbol: ChunkSymbol, lines: LineIndex, base: number): DocumentSymbol {
  const range = (r: readonly [number, number]): Range => lines.range(base + r[0], base + r[1]);
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind,
    range: range(symbol.range),
    selectionRange: range(symbol.selectionRange),
    children: symbol.children.map((c) => placed(c, lines, base)),
  };
}

/**
 * One symbol per resource of an Istio file, with routes, servers and subsets as children. Outlines are
 * kept per resource, so after an edit only the edited documents are read again (their yaml Documents
 * may have to be parsed again: see DocumentStore).
 */
export function documentSymbols(file: FileModel): DocumentSymbol[] {
  if (!file.istio) return [];
  const lines = file.parsed.lines;
  const out: DocumentSymbol[] = [];
  file.parsed.chunks.forEach(({ base }, i) => {
    for (let r = file.firstResource[i]; r < file.firstResource[i + 1]; r++) out.push(placed(resourceSymbol(file.resources[r]), lines, base));
  });
  return out;
}
