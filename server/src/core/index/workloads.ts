// Workloads: what label selectors select. Pods, the pod templates of workload controllers
// (Deployments and friends are what repositories contain; Pods exist only in a cluster) and
// WorkloadEntries. Each carries its labels, namespace and service account.
import { isObject, type JsonObject, type Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';

export type Labels = Readonly<Record<string, string>>;

export interface Workload {
  readonly resource: Resource;
  readonly namespace: string;
  readonly labels: Labels;
  /** Where the labels are written, for navigation. */
  readonly labelsPath: FieldPath;
  readonly serviceAccount: string;
  /** The pod spec (Pods and templates), for container and annotation checks. */
  readonly podSpec?: JsonObject;
  readonly annotations: Labels;
}

/** Kinds whose `spec.template` is a pod template. */
export const POD_TEMPLATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'] as const;
export const WORKLOAD_KINDS = ['Pod', ...POD_TEMPLATE_KINDS, 'CronJob', 'WorkloadEntry'] as const;

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

function metaOf(value: unknown): JsonObject {
  return isObject(value) && isObject(value.metadata) ? value.metadata : {};
}

function podWorkload(resource: Resource, pod: unknown, prefix: FieldPath): Workload | undefined {
  if (!isObject(pod)) return undefined;
  const meta = metaOf(pod);
  const spec = isObject(pod.spec) ? pod.spec : {};
  return {
    resource,
    namespace: resource.namespace,
    labels: stringMap(meta.labels),
    labelsPath: [...prefix, 'metadata', 'labels'],
    serviceAccount: typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : typeof spec.serviceAccount === 'string' ? spec.serviceAccount : 'default',
    podSpec: spec,
    annotations: stringMap(meta.annotations),
  };
}

/** The workload a resource defines, if it is one. */
export function workloadOf(resource: Resource): Workload | undefined {
  const value = resource.value;
  const spec = isObject(value.spec) ? value.spec : undefined;
  switch (resource.kind) {
    case 'Pod':
      return resource.group === '' ? podWorkload(resource, value, []) : undefined;
    case 'CronJob': {
      const job = spec && isObject(spec.jobTemplate) ? spec.jobTemplate : undefined;
      const template = job && isObject(job.spec) ? job.spec.template : undefined;
      return podWorkload(resource, template, ['spec', 'jobTemplate', 'spec', 'template']);
    }
    case 'WorkloadEntry': {
      if (!resource.istioKind || !spec) return undefined;
      return {
        resource,
        namespace: resource.namespace,
        labels: stringMap(spec.labels),
        labelsPath: ['spec', 'labels'],
        serviceAccount: typeof spec.serviceAccount === 'string' ? spec.serviceAccount : 'default',
        annotations: stringMap(metaOf(value).annotations),
      };
    }
    default:
      if ((POD_TEMPLATE_KINDS as readonly string[]).includes(resource.kind) && spec) return podWorkload(resource, spec.template, ['spec', 'template']);
      return undefined;
  }
}

/** Kubernetes `matchLabels` semantics: every selector label is present with the same value. */
export function labelsMatch(selector: Labels, labels: Labels): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

/** `k=v,k2=v2`, sorted: the selector string istioctl prints. */
export function selectorString(selector: Labels): string {
  return Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`)
    .join(',');
}
