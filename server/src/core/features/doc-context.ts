// The YAML document under an offset and the Istio kind it declares, read from the parsed resource
// when there is one and from the `apiVersion:`/`kind:` lines otherwise (documents being typed are
// often not valid YAML). Looks only at the chunk holding the offset, so it costs the same in any file.
import { type FileModel, resourcesInChunk } from '../model/file';
import { findIstioKind, type IstioKind, isIstioGroup, ISTIO_KINDS, parseApiVersion } from '../model/kinds';
import type { Resource } from '../model/resource';
import type { ParsedDoc, PlacedChunk } from '../yaml/parse';

/** istio: an Istio apiVersion group or kind; foreign: some other apiVersion or kind; blank: neither yet. */
export type Flavour = 'istio' | 'foreign' | 'blank';

export interface DocContext {
  readonly placed: PlacedChunk;
  /** The chunk's text; every offset below is relative to it. */
  readonly text: string;
  readonly offset: number;
  readonly doc?: ParsedDoc;
  readonly resource?: Resource;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly istioKind?: IstioKind;
  readonly flavour: Flavour;
}

/** Index of the chunk containing a file offset (binary search: files may hold thousands of documents); -1 in a file without chunks. */
function chunkIndexAt(file: FileModel, offset: number): number {
  const chunks = file.parsed.chunks;
  let low = 0;
  let high = chunks.length - 1;
  if (high < 0) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].base <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The chunk containing a file offset. */
export function chunkAt(file: FileModel, offset: number): PlacedChunk | undefined {
  const index = chunkIndexAt(file, offset);
  return index < 0 ? undefined : file.parsed.chunks[index];
}

function docIn(placed: PlacedChunk, offset: number): ParsedDoc | undefined {
  const docs = placed.chunk.docs;
  let found: ParsedDoc | undefined = docs[0];
  for (const doc of docs) if (doc.start <= offset) found = doc;
  return found;
}

const KIND_BY_NAME = new Map(ISTIO_KINDS.map((k) => [k.kind, k]));

/** The Istio kind for an apiVersion/kind pair; a known kind name alone is enough (names are unique across Istio groups). */
export function istioKindOf(apiVersion: string | undefined, kind: string | undefined): IstioKind | undefined {
  if (!kind) return undefined;
  if (apiVersion) {
    const { group } = parseApiVersion(apiVersion);
    return isIstioGroup(group) ? findIstioKind(group, kind) : undefined;
  }
  return KIND_BY_NAME.get(kind);
}

/** Reads `name: value` at column 0, skipping the line that holds `skipOffset` (the line being typed). */
function topLevelValue(text: string, name: string, skipOffset: number | undefined): string | undefined {
  const pattern = new RegExp(`^${name}:[ \\t]*(?:"([^"\\n]*)"|'([^'\\n]*)'|([^\\s#'"][^\\s#]*))?`, 'gm');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const lineEnd = text.indexOf('\n', m.index);
    if (skipOffset !== undefined && skipOffset >= m.index && (lineEnd < 0 || skipOffset <= lineEnd)) continue;
    const value = m[1] ?? m[2] ?? m[3];
    if (value) return value;
  }
  return undefined;
}

export interface DocContextOptions {
  /** Ignore the apiVersion/kind written on the cursor's line: it is being typed. */
  readonly ignoreCursorLine?: boolean;
}

export function docContext(file: FileModel, fileOffset: number, options: DocContextOptions = {}): DocContext | undefined {
  if (file.parsed.binary) return undefined;
  const index = chunkIndexAt(file, fileOffset);
  const placed = index < 0 ? undefined : file.parsed.chunks[index];
  if (!placed || placed.chunk.templated) return undefined;
  const offset = fileOffset - placed.base;
  const text = placed.chunk.text;
  const doc = docIn(placed, offset);
  const resource = doc ? resourcesInChunk(file, index).find((r) => r.parsed === doc) : undefined;
  const skip = options.ignoreCursorLine ? offset : undefined;
  let apiVersion: string | undefined;
  let kind: string | undefined;
  if (resource && !options.ignoreCursorLine) {
    apiVersion = resource.apiVersion;
    kind = resource.kind;
  } else {
    apiVersion = topLevelValue(text, 'apiVersion', skip);
    kind = topLevelValue(text, 'kind', skip);
  }
  const istioKind = istioKindOf(apiVersion, kind);
  let flavour: Flavour = 'blank';
  if (istioKind || (apiVersion && isIstioGroup(parseApiVersion(apiVersion).group))) flavour = 'istio';
  else if (apiVersion || kind) flavour = 'foreign';
  return { placed, text, offset, doc, resource, apiVersion, kind, istioKind, flavour };
}
