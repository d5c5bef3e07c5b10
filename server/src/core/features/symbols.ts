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

interface Spot {
  readonly resource: Resource;
  readonly lines: LineIndex;
}

function nodeRange(node: Node | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** File range of chunk offsets, without the trailing line break a block node's range includes. */
function toRange(spot: Spot, [start, end]: [number, number]): Range {
  const text = spot.resource.chunk.text;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return spot.lines.range(spot.resource.base + start, spot.resource.base + end);
}

function scalarRange(spot: Spot, path: FieldPath): [number, number] | undefined {
  const full = documentPath(spot.resource, path);
  const found = locate(spot.resource.parsed.doc, full);
  if (found.depth < full.length) return undefined;
  return nodeRange(found.node);
}

function firstLine(spot: Spot, [start, end]: [number, number]): [number, number] {
  const newline = spot.resource.chunk.text.indexOf('\n', start);
  return [start, newline < 0 || newline > end ? end : newline];
}

function child(spot: Spot, path: FieldPath, name: string, kind: SymbolKind, detail: string): DocumentSymbol | undefined {
  const range = nodeRange(locate(spot.resource.parsed.doc, documentPath(spot.resource, path)).node);
  if (!range) return undefined;
  const selection = scalarRange(spot, [...path, 'name']) ?? firstLine(spot, range);
  return {
    name,
    detail: detail || undefined,
    kind,
    range: toRange(spot, range),
    selectionRange: toRange(spot, selection),
    children: [],
  };
}

function items(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.map((v) => (isObject(v) ? v : {})) : [];
}

function childrenOf(spot: Spot): DocumentSymbol[] {
  const { resource } = spot;
  const spec = isObject(resource.value.spec) ? resource.value.spec : {};
  const out: (DocumentSymbol | undefined)[] = [];
  switch (resource.istioKind?.kind) {
    case 'VirtualService':
      for (const protocol of ['http', 'tcp', 'tls']) {
        items(spec[protocol]).forEach((route, i) => {
          const name = typeof route.name === 'string' && route.name ? route.name : `${protocol}[${i}]`;
          out.push(child(spot, ['spec', protocol, i], name, 'route', routeSummary(route)));
        });
      }
      break;
    case 'Gateway':
      items(spec.servers).forEach((server, i) => out.push(child(spot, ['spec', 'servers', i], serverName(server), 'server', serverDetail(server))));
      break;
    case 'DestinationRule':
      items(spec.subsets).forEach((subset, i) => {
        const name = typeof subset.name === 'string' && subset.name ? subset.name : `subsets[${i}]`;
        out.push(child(spot, ['spec', 'subsets', i], name, 'subset', subsetDetail(subset)));
      });
      break;
  }
  return out.filter((s): s is DocumentSymbol => !!s);
}

function resourceSymbol(spot: Spot): DocumentSymbol {
  const { resource } = spot;
  const doc = resource.parsed;
  // An item of a `kind: List` spans its own range; a document starts at its contents (after comments).
  const range: [number, number] = resource.root.length ? [doc.start, doc.end] : [doc.doc.contents?.range?.[0] ?? doc.start, doc.end];
  const selection = scalarRange(spot, ['metadata', 'name']) ?? scalarRange(spot, ['kind']) ?? firstLine(spot, range);
  return {
    name: resourceLabel(resource),
    detail: resource.apiVersion,
    kind: 'resource',
    range: toRange(spot, range),
    selectionRange: toRange(spot, selection),
    children: childrenOf(spot),
  };
}

/** One symbol per resource of an Istio file, with routes, servers and subsets as children. */
export function documentSymbols(file: FileModel): DocumentSymbol[] {
  if (!file.istio) return [];
  const lines = file.parsed.lines;
  return file.resources.map((resource) => resourceSymbol({ resource, lines }));
}
