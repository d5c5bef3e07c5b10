// Defensive readers for the Kubernetes objects the `kubernetes` analyzers check: metadata, the pod
// spec of a Pod or of a workload's template, containers. Values of the wrong type read as absent.
import { stringMap } from '../index/workloads';
import type { IndexView } from '../index/workspace-index';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';

export function metadataOf(resource: Resource): JsonObject {
  return isObject(resource.value.metadata) ? resource.value.metadata : {};
}

export function labelsOf(resource: Resource): Record<string, string> {
  return stringMap(metadataOf(resource).labels);
}

export function annotationsOf(resource: Resource): Record<string, string> {
  return stringMap(metadataOf(resource).annotations);
}

/** The pod a Pod is, or the pod template of a Deployment: its metadata, spec and where they are written. */
export interface PodShape {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly spec: JsonObject;
  /** Path of the pod (`[]` for a Pod, `['spec', 'template']` for a Deployment). */
  readonly path: FieldPath;
}

export function podShape(resource: Resource): PodShape | undefined {
  if (resource.group !== '' && resource.group !== 'apps') return undefined;
  if (resource.kind === 'Pod') {
    const meta = metadataOf(resource);
    return { labels: stringMap(meta.labels), annotations: stringMap(meta.annotations), spec: isObject(resource.value.spec) ? resource.value.spec : {}, path: [] };
  }
  const spec = isObject(resource.value.spec) ? resource.value.spec : undefined;
  const template = spec && isObject(spec.template) ? spec.template : undefined;
  if (!template) return undefined;
  const meta = isObject(template.metadata) ? template.metadata : {};
  return { labels: stringMap(meta.labels), annotations: stringMap(meta.annotations), spec: isObject(template.spec) ? template.spec : {}, path: ['spec', 'template'] };
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly value: JsonObject;
  /** Path from the resource root. */
  readonly path: FieldPath;
}

/** Containers (`containers`) or init containers (`initContainers`) of a pod shape. */
export function containersOf(pod: PodShape, field: 'containers' | 'initContainers' = 'containers'): Container[] {
  const list = pod.spec[field];
  if (!Array.isArray(list)) return [];
  return list.flatMap((c, i) =>
    isObject(c) ? [{ name: typeof c.name === 'string' ? c.name : '', image: typeof c.image === 'string' ? c.image : '', value: c, path: [...pod.path, 'spec', field, i] }] : [],
  );
}

export const ISTIO_PROXY = 'istio-proxy';

/** Namespaces istiod and istioctl ignore entirely (`inject.IgnoredNamespaces`). */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

export function isSystemNamespace(namespace: string): boolean {
  return SYSTEM_NAMESPACES.has(namespace);
}

/** istioctl's test for control-plane objects: an `istio` label, or `release: istio`. */
export function isIstioControlPlane(resource: Resource): boolean {
  const labels = labelsOf(resource);
  return 'istio' in labels || labels.release === 'istio';
}

/** The Namespace object of a name (Namespaces are cluster-scoped: only the name counts). */
export function namespaceNamed(view: IndexView, name: string): Resource | undefined {
  return view.all('Namespace').find((n) => n.group === '' && n.name === name);
}
