// Which Services select a Deployment's pods, and whether those pods are in the mesh: what the
// deployment analyzers (istioctl's MultiServiceAnalyzer) compare.
import type { IndexView } from '../index/workspace-index';
import { isObject, type Resource } from '../model/resource';
import { INJECTION_LABEL, SIDECAR_INJECT } from './injection';
import { containersOf, ISTIO_PROXY, labelsOf, namespaceNamed, type PodShape } from './objects';

/**
 * istioctl's "in the mesh": an istio-proxy container with an image; else the pod's
 * `sidecar.istio.io/inject` label, then annotation (`"true"`); else the namespace's
 * `istio-injection=enabled` label.
 */
export function podInMesh(view: IndexView, namespace: string, pod: PodShape): boolean {
  if ([...containersOf(pod), ...containersOf(pod, 'initContainers')].some((c) => c.name === ISTIO_PROXY && c.image)) return true;
  if (SIDECAR_INJECT in pod.labels) return pod.labels[SIDECAR_INJECT] === 'true';
  if (SIDECAR_INJECT in pod.annotations) return pod.annotations[SIDECAR_INJECT] === 'true';
  const ns = namespaceNamed(view, namespace);
  return !!ns && labelsOf(ns)[INJECTION_LABEL] === 'enabled';
}

/** Waypoint Deployments that Istio generates: their Services are Istio's business. */
export function isWaypointDeployment(resource: Resource): boolean {
  return labelsOf(resource)['gateway.istio.io/managed'] === 'istio.io-mesh-controller';
}

/** Services of the Deployment's namespace whose non-empty selector matches its pod template. */
export function servicesSelecting(view: IndexView, namespace: string, pod: PodShape): Resource[] {
  return view.inNamespace('Service', namespace).filter((svc) => {
    if (svc.group !== '') return false;
    const spec = isObject(svc.value.spec) ? svc.value.spec : {};
    const selector = isObject(spec.selector) ? Object.entries(spec.selector) : [];
    return selector.length > 0 && selector.every(([k, v]) => pod.labels[k] === String(v));
  });
}
