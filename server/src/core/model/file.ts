// One workspace file: its parse and the resources found in it.
import { parseFile, type ParsedDoc, type ParsedFile, type PlacedChunk } from '../yaml/parse';
import { listItems } from './list';
import { type Resource, toResource } from './resource';

export interface FileModel {
  readonly uri: string;
  readonly parsed: ParsedFile;
  readonly resources: readonly Resource[];
  /** The file holds Istio configuration: only such files get diagnostics (syntax errors included). */
  readonly istio: boolean;
}

const ISTIO_API_VERSION = /^\s*apiVersion:\s*["']?[\w.-]*istio\.io\//m;

export function buildFile(uri: string, text: string, defaultNamespace: string, previous?: FileModel): FileModel {
  const parsed = parseFile(text, previous?.parsed);
  const resources: Resource[] = [];
  for (const placed of parsed.chunks) {
    for (const doc of placed.chunk.docs) {
      // A `kind: List` is a container, not an object: its items are the resources.
      for (const { parsed: item, root } of listItems(doc) ?? [{ parsed: doc, root: [] }]) {
        const resource = toResource(uri, placed.base, placed.chunk, item, defaultNamespace, root);
        if (resource) resources.push(resource);
      }
    }
  }
  const istio = resources.some((r) => r.istioGroup) || parsed.chunks.some((c) => !c.chunk.templated && ISTIO_API_VERSION.test(c.chunk.text));
  return { uri, parsed, resources, istio };
}

/** Re-derives resources (for example after the default namespace changed) without reparsing. */
export function rebuildFile(file: FileModel, defaultNamespace: string): FileModel {
  return buildFile(file.uri, file.parsed.text, defaultNamespace, file);
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
  for (const placed of file.parsed.chunks) {
    const relative = offset - placed.base;
    if (relative < 0 || relative > placed.chunk.text.length) continue;
    for (const doc of placed.chunk.docs) {
      if (relative >= doc.start && relative <= Math.max(doc.end, doc.start)) {
        return { placed, doc, offset: relative, resource: file.resources.find((r) => r.parsed === doc) };
      }
    }
    const last = placed.chunk.docs[placed.chunk.docs.length - 1];
    if (last) return { placed, doc: last, offset: relative, resource: file.resources.find((r) => r.parsed === last) };
  }
  return undefined;
}
