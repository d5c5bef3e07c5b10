// A Kubernetes-style object found in one YAML document: its identity and where it lives.
import type { ParsedChunk, ParsedDoc } from '../yaml/parse';
import { findIstioKind, type IstioKind, isIstioGroup, parseApiVersion } from './kinds';

export type JsonObject = Record<string, unknown>;

export interface Resource {
  readonly uri: string;
  /** Offset of the chunk in its file. */
  readonly base: number;
  readonly chunk: ParsedChunk;
  readonly parsed: ParsedDoc;
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
export function toResource(uri: string, base: number, chunk: ParsedChunk, parsed: ParsedDoc, defaultNamespace: string): Resource | undefined {
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
    base,
    chunk,
    parsed,
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

/** `Kind namespace/name`, the label istioctl uses for a resource. */
export function resourceLabel(resource: Pick<Resource, 'kind' | 'namespace' | 'name'>): string {
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name || '<unnamed>'}`;
}
