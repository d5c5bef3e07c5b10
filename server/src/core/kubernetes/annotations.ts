// Istio's annotation catalogue (names, the resource types each applies to, maturity, deprecation),
// generated from the `istio.io/api` module by scripts/gen-annotations.mjs into annotations.json.
import { stringMap } from '../index/workloads';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';
import catalogue from './annotations.json';

export type FeatureStatus = 'Alpha' | 'Beta' | 'Stable';

export interface CatalogueEntry {
  readonly name: string;
  readonly featureStatus: FeatureStatus;
  readonly deprecated: boolean;
  readonly hidden: boolean;
  /** Resource kinds it applies to; `Any` for every kind. */
  readonly resources: readonly string[];
}

export const ANNOTATIONS: readonly CatalogueEntry[] = catalogue.annotations as CatalogueEntry[];
export const LABELS: readonly CatalogueEntry[] = catalogue.labels as CatalogueEntry[];
/** The kinds istioctl checks annotations of (Deployments' pod templates are checked as Pods). */
export const ANNOTATED_KINDS: readonly string[] = ['Namespace', 'Service', 'Pod', 'Deployment'];

const BY_NAME = new Map(ANNOTATIONS.map((a) => [a.name, a]));

export function lookupAnnotation(name: string): CatalogueEntry | undefined {
  return BY_NAME.get(name);
}

/**
 * Keys istioctl treats as Istio's: any whose prefix (before `/`) ends with `istio.io`, plus the
 * Kubernetes `kubernetes.io/ingress.class`, which Istio documents.
 */
export function isIstioAnnotationKey(key: string): boolean {
  if (key === 'kubernetes.io/ingress.class') return true;
  return key.split('/')[0].endsWith('istio.io');
}

/** Whether an annotation may sit on a kind (`Any`, or the kind among its resource types). */
export function appliesToKind(entry: CatalogueEntry, kind: string): boolean {
  return entry.resources.includes('Any') || entry.resources.includes(kind);
}

/** The resource types to show in a message (`Unknown` never occurs in the JSON). */
export function describeResources(entry: CatalogueEntry): string {
  return entry.resources.join(', ');
}

/** One Istio-domain annotation written on an object: where, and which kind of object it acts on. */
export interface AnnotationSite {
  readonly key: string;
  readonly value: string;
  readonly path: FieldPath;
  /** The kind the annotation acts on: the object's kind, or `Pod` for a pod template. */
  readonly kind: string;
  /** Labels of the same object (a deprecated annotation may have its replacement label next to it). */
  readonly labels: Readonly<Record<string, string>>;
  /** The pod spec when the annotation acts on a pod (its init containers tell whether CNI is used). */
  readonly podSpec?: JsonObject;
}

/**
 * The Istio-domain annotations of a Namespace, Service, Pod or Deployment (istioctl's four kinds),
 * plus those of a Deployment's pod template, which act on its pods.
 */
export function annotationSites(resource: Resource): AnnotationSite[] {
  if (resource.group !== '' && resource.group !== 'apps') return [];
  const out: AnnotationSite[] = [];
  const collect = (meta: unknown, prefix: FieldPath, kind: string, podSpec?: JsonObject): void => {
    const m = isObject(meta) ? meta : {};
    const labels = stringMap(m.labels);
    for (const [key, value] of Object.entries(stringMap(m.annotations))) {
      if (isIstioAnnotationKey(key)) out.push({ key, value, path: [...prefix, 'metadata', 'annotations', key], kind, labels, podSpec });
    }
  };
  const spec = isObject(resource.value.spec) ? resource.value.spec : undefined;
  collect(resource.value.metadata, [], resource.kind, resource.kind === 'Pod' ? spec : undefined);
  if (resource.kind === 'Deployment' && spec && isObject(spec.template)) {
    collect(spec.template.metadata, ['spec', 'template'], 'Pod', isObject(spec.template.spec) ? spec.template.spec : {});
  }
  return out;
}
