// One workspace file: its parse and the resources found in it.
import type { ChangedRegion } from '../text/changes';
import { type DocumentStore, parseFileChanges, type ParsedChunk, type ParsedDoc, type ParsedFile, type PlacedChunk } from '../yaml/parse';
import { listItems } from './list';
import { type Resource, toResource } from './resource';

export interface FileModel {
  readonly uri: string;
  readonly parsed: ParsedFile;
  readonly resources: readonly Resource[];
  /** The file holds Istio configuration: only such files get diagnostics (syntax errors included). */
  readonly istio: boolean;
  /** The namespace its resources without `metadata.namespace` were given. */
  readonly defaultNamespace: string;
  /** The resources of chunk i are `resources[firstResource[i], firstResource[i + 1])` (one entry more than chunks). */
  readonly firstResource: readonly number[];
}

/** A new version of a file and the resources that are not in both versions. */
export interface FileUpdate {
  readonly file: FileModel;
  readonly removed: readonly Resource[];
  readonly added: readonly Resource[];
}

function resourcesOf(uri: string, chunk: ParsedChunk, defaultNamespace: string): Resource[] {
  const out: Resource[] = [];
  for (const doc of chunk.docs) {
    // A `kind: List` is a container, not an object: its items are the resources.
    for (const { parsed: item, root } of listItems(doc) ?? [{ parsed: doc, root: [] }]) {
      const resource = toResource(uri, chunk, item, defaultNamespace, root);
      if (resource) out.push(resource);
    }
  }
  return out;
}

export function buildFile(uri: string, text: string, defaultNamespace: string, previous?: FileModel): FileModel {
  return updateFile(uri, text, defaultNamespace, previous).file;
}

export interface UpdateOptions {
  /** The region an edit replaced: a large file is re-split only around it. */
  readonly changed?: ChangedRegion;
  /** Where yaml Documents are kept (by default all are). */
  readonly store?: DocumentStore;
}

/**
 * Parses a new version of a file. Chunks whose text did not change keep their parse and their
 * `Resource` objects (with the same default namespace), so the index, the derived tables and the
 * analysis caches can tell what changed by identity.
 */
export function updateFile(uri: string, text: string, defaultNamespace: string, previous?: FileModel, options: UpdateOptions = {}): FileUpdate {
  const { parsed, from, removed: removedChunks, added: addedChunks } = parseFileChanges(text, previous?.parsed, options.changed, options.store);
  const before = previous?.resources ?? [];
  const beforeFirst = previous?.firstResource ?? [0];
  const oldFrom = beforeFirst[from] ?? 0;
  const oldTo = beforeFirst[from + removedChunks] ?? before.length;
  const replaced = before.slice(oldFrom, oldTo);
  const reusable = new Map<ParsedChunk, Resource[]>();
  if (previous && previous.uri === uri && previous.defaultNamespace === defaultNamespace) {
    for (const r of replaced) {
      const list = reusable.get(r.chunk);
      if (list) list.push(r);
      else reusable.set(r.chunk, [r]);
    }
  }
  const region: Resource[] = [];
  const regionFirst: number[] = [];
  const added: Resource[] = [];
  const kept = new Set<Resource>();
  for (let i = from; i < from + addedChunks; i++) {
    regionFirst.push(oldFrom + region.length);
    const { chunk } = parsed.chunks[i];
    const reused = reusable.get(chunk);
    if (reused) {
      for (const r of reused) kept.add(r);
      region.push(...reused);
    } else {
      const fresh = resourcesOf(uri, chunk, defaultNamespace);
      added.push(...fresh);
      region.push(...fresh);
    }
  }
  const shift = region.length - replaced.length;
  const resources = oldFrom === 0 && oldTo === before.length ? region : [...before.slice(0, oldFrom), ...region, ...before.slice(oldTo)];
  const firstResource = [...beforeFirst.slice(0, from), ...regionFirst, ...beforeFirst.slice(from + removedChunks).map((n) => n + shift)];
  if (firstResource.length !== parsed.chunks.length + 1) firstResource.splice(0, firstResource.length, ...chunkStarts(parsed.chunks, resources));
  const removed = replaced.filter((r) => !kept.has(r));
  const istio = resources.some((r) => r.istioGroup) || parsed.chunks.some((c) => !c.chunk.templated && c.chunk.istioApiVersion);
  return { file: { uri, parsed, resources, istio, defaultNamespace, firstResource }, removed, added };
}

/** `firstResource` computed from scratch (a binary file has no chunks: a single 0). */
function chunkStarts(chunks: readonly PlacedChunk[], resources: readonly Resource[]): number[] {
  const out: number[] = [];
  let r = 0;
  for (const { chunk } of chunks) {
    out.push(r);
    while (r < resources.length && resources[r].chunk === chunk) r++;
  }
  out.push(resources.length);
  return out;
}

/**
 * Where a resource's chunk starts in this version of its file (undefined when the resource is not in
 * it): add it to the chunk offsets of findings and ranges. Found by position in `resources`, not
 * through a map, so that asking after every edit of a large file allocates nothing.
 */
export function resourceBase(file: FileModel, resource: Resource): number | undefined {
  const index = file.resources.indexOf(resource);
  return index < 0 ? undefined : baseOfResourceAt(file, index);
}

/** Where the chunk of `file.resources[index]` starts. */
export function baseOfResourceAt(file: FileModel, index: number): number | undefined {
  // The chunk holding resource `index`: the last one whose first resource is at or before it.
  const starts = file.firstResource;
  let low = 0;
  let high = file.parsed.chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return file.parsed.chunks[low]?.base;
}

/** The resources of the i-th chunk. */
export function resourcesInChunk(file: FileModel, index: number): readonly Resource[] {
  return file.resources.slice(file.firstResource[index], file.firstResource[index + 1]);
}

export interface DocumentAt {
  readonly placed: PlacedChunk;
  readonly doc: ParsedDoc;
  /** Offset relative to the chunk. */
  readonly offset: number;
  readonly resource?: Resource;
}

/** The YAML document containing a file offset. */
export function documentAt(file: FileModel, offset: number): DocumentAt | undefined {
  const chunks = file.parsed.chunks;
  for (let i = 0; i < chunks.length; i++) {
    const placed = chunks[i];
    const relative = offset - placed.base;
    if (relative < 0 || relative > placed.chunk.text.length) continue;
    const resources = resourcesInChunk(file, i);
    for (const doc of placed.chunk.docs) {
      if (relative >= doc.start && relative <= Math.max(doc.end, doc.start)) {
        return { placed, doc, offset: relative, resource: resources.find((r) => r.parsed === doc) };
      }
    }
    const last = placed.chunk.docs[placed.chunk.docs.length - 1];
    if (last) return { placed, doc: last, offset: relative, resource: resources.find((r) => r.parsed === last) };
  }
  return undefined;
}
