// A Kubernetes-style object found in one YAML document: its identity and where it lives.
import type { ParsedChunk, ParsedDoc } from '../yaml/parse';
import type { FieldPath } from '../yaml/path';
import { findIstioKind, type IstioKind, isIstioGroup, parseApiVersion } from './kinds';

export type JsonObject = Record<string, unknown>;

export interface Resource {
  readonly uri: string;
  /**
   * Its `---` chunk. Offsets of findings and ranges are relative to the chunk: a resource carries no
   * position in its file, so the same object stays valid when an edit above it moves it (the file's
   * `resourceBase` says where it is now), and the index and caches can keep it across edits.
   */
  readonly chunk: ParsedChunk;
  /** Its YAML document; for an item of a `kind: List`, a view of the List's document with the item's value and range. */
  readonly parsed: ParsedDoc;
  /**
   * Where the object sits in `parsed.doc`: empty for a document of its own, `['items', 3]` for an item
   * of a `kind: List`. Field paths of the object are relative to it; prefix it to find source ranges.
   */
  readonly root: FieldPath;
  readonly apiVersion: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  /** `metadata.namespace`, else the configured default namespace. */
  readonly namespace: string;
  /** The Istio CRD of this kind, when the group/kind is one of Istio's. */
  readonly istioKind?: IstioKind;
  /** The API group is an Istio one (even when the kind is unknown: a typo to report). */
  readonly istioGroup: boolean;
  readonly value: JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Recognises a resource by `apiVersion` and `kind` (never by file name); undefined for other YAML. */
export function toResource(uri: string, chunk: ParsedChunk, parsed: ParsedDoc, defaultNamespace: string, root: FieldPath = []): Resource | undefined {
  const value = parsed.value;
  if (!isObject(value)) return undefined;
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) return undefined;
  const { group, version } = parseApiVersion(apiVersion);
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : defaultNamespace;
  return {
    uri,
    chunk,
    parsed,
    root,
    apiVersion,
    group,
    version,
    kind,
    name,
    namespace,
    istioKind: findIstioKind(group, kind),
    istioGroup: isIstioGroup(group),
    value,
  };
}

/** A field path of the object as a path in its YAML document (see `root`). */
export function documentPath(resource: Pick<Resource, 'root'>, path: FieldPath): FieldPath {
  return resource.root.length ? [...resource.root, ...path] : path;
}

/** `Kind namespace/name`, the label istioctl uses for a resource. */
export function resourceLabel(resource: Pick<Resource, 'kind' | 'namespace' | 'name'>): string {
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name || '<unnamed>'}`;
}
