// `image: auto`: the placeholder a pod's istio-proxy container carries until the injector fills it in
// (gateway Deployments use it). Whether an injection webhook would ever fill it in.
import type { IndexView } from '../index/workspace-index';
import type { Resource } from '../model/resource';
import { selectorMatches } from './label-selector';
import { type Container, containersOf, ISTIO_PROXY, labelsOf, namespaceNamed, type PodShape } from './objects';
import { webhooksOf } from './webhooks';

export function autoImageContainer(pod: PodShape): Container | undefined {
  return containersOf(pod).find((c) => c.name === ISTIO_PROXY && c.image === 'auto');
}

/**
 * Whether some Istio injection webhook selects pods with these labels in this namespace, or
 * undefined when the workspace holds no MutatingWebhookConfiguration at all (it cannot tell).
 */
export function injectedByWebhook(view: IndexView, resource: Resource, pod: PodShape): boolean | undefined {
  if (!view.has('MutatingWebhookConfiguration')) return undefined;
  const ns = namespaceNamed(view, resource.namespace || 'default');
  const nsLabels = ns ? labelsOf(ns) : {};
  const hooks = view.all('MutatingWebhookConfiguration').flatMap(webhooksOf).filter((w) => w.name.endsWith('istio.io'));
  return hooks.some((w) => selectorMatches(w.value.namespaceSelector, nsLabels) && selectorMatches(w.value.objectSelector, pod.labels));
}
