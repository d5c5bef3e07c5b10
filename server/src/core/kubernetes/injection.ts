// Sidecar injection as the Kubernetes objects declare it: namespace labels, pod opt-outs, and the
// sidecar injector's settings from its ConfigMap (`istio-sidecar-injector[-<revision>]`, key `values`,
// JSON). Shared by the injection analyzers.
import { ISTIO_NAMESPACE } from '../index/mesh-config';
import type { IndexView } from '../index/workspace-index';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import { isSystemNamespace, labelsOf, metadataOf } from './objects';

export const INJECTION_LABEL = 'istio-injection';
export const REVISION_LABEL = 'istio.io/rev';
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
export const SIDECAR_INJECT = 'sidecar.istio.io/inject';
export const INJECTOR_CONFIG_MAP = 'istio-sidecar-injector';

/** The injector ConfigMap of a revision (`default` and no revision share the unrevisioned one). */
export function injectorConfigMapName(revision: string): string {
  return !revision || revision === 'default' ? INJECTOR_CONFIG_MAP : `${INJECTOR_CONFIG_MAP}-${revision}`;
}

/** The injector's Helm values (`data.values`, JSON); undefined when absent or not JSON. */
export function injectorValues(configMap: Resource): JsonObject | undefined {
  const data = configMap.value.data;
  const text = isObject(data) ? data.values : undefined;
  if (typeof text !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Injector ConfigMaps by name (any namespace, as istioctl looks them up). */
export function injectorConfigMaps(view: IndexView): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const cm of view.all('ConfigMap')) {
    if (cm.group === '' && cm.name.startsWith(INJECTOR_CONFIG_MAP) && !out.has(cm.name)) out.set(cm.name, cm);
  }
  return out;
}

/** `sidecarInjectorWebhook.enableNamespacesByDefault` of the unrevisioned injector, and where it is set. */
export function namespacesInjectedByDefault(view: IndexView): Resource | undefined {
  const cm = injectorConfigMaps(view).get(INJECTOR_CONFIG_MAP);
  const values = cm && injectorValues(cm);
  const webhook = values && isObject(values.sidecarInjectorWebhook) ? values.sidecarInjectorWebhook : undefined;
  return webhook?.enableNamespacesByDefault === true ? cm : undefined;
}

/** The proxy image the injector puts into pods: `global.proxy.image`, prefixed with hub and tag unless it is a full reference. */
export function injectorProxyImage(configMap: Resource): string | undefined {
  const values = injectorValues(configMap);
  const global = values && isObject(values.global) ? values.global : undefined;
  const proxy = global && isObject(global.proxy) ? global.proxy : undefined;
  if (!global || !proxy || typeof proxy.image !== 'string') return undefined;
  if (proxy.image.includes('/')) return proxy.image;
  return `${typeof global.hub === 'string' ? global.hub : ''}/${proxy.image}:${typeof global.tag === 'string' ? global.tag : ''}`;
}

/**
 * The revision whose injector serves a namespace, or undefined when the namespace does not ask for
 * injection: `istio.io/rev` wins, else `istio-injection=enabled` means the default revision.
 */
export function namespaceRevision(namespace: Resource): string | undefined {
  const labels = labelsOf(namespace);
  if (REVISION_LABEL in labels) return labels[REVISION_LABEL];
  return labels[INJECTION_LABEL] === 'enabled' ? 'default' : undefined;
}

/** A pod opted out of injection: `sidecar.istio.io/inject: "false"` as a label (which wins) or annotation. */
export function podOptsOut(labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>): boolean {
  const value = SIDECAR_INJECT in labels ? labels[SIDECAR_INJECT] : annotations[SIDECAR_INJECT];
  return value?.toLowerCase() === 'false';
}

/**
 * Whether a Pod manifest was read back from a cluster (it has a status, a uid or a creation time)
 * rather than written by hand: only then is a missing sidecar something that already happened.
 */
export function isLiveObject(resource: Resource): boolean {
  const meta = metadataOf(resource);
  return isObject(resource.value.status) || typeof meta.uid === 'string' || meta.creationTimestamp !== undefined;
}

/**
 * A namespace that says nothing about the mesh: no injection, revision or dataplane-mode label
 * (`istio-system` and the Kubernetes system namespaces excepted).
 */
export function unlabelledNamespace(namespace: Resource): boolean {
  if (namespace.group !== '' || namespace.name === ISTIO_NAMESPACE || isSystemNamespace(namespace.name)) return false;
  const labels = labelsOf(namespace);
  return !labels[INJECTION_LABEL] && !(REVISION_LABEL in labels) && !(DATAPLANE_MODE_LABEL in labels);
}
