// A pod in a namespace with sidecar injection that has no istio-proxy container.
import { INJECTION_LABEL, isLiveObject, podOptsOut, REVISION_LABEL } from '../../kubernetes/injection';
import { ISTIO_NAMESPACE } from '../../index/mesh-config';
import { containersOf, ISTIO_PROXY, isSystemNamespace, labelsOf, namespaceNamed, podShape } from '../../kubernetes/objects';
import type { Resource } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';

/** istioctl's injected namespaces: `istio.io/rev`, or `istio-injection=enabled`, but not both. */
function injectionEnabled(namespace: Resource | undefined): boolean {
  if (!namespace || namespace.name === ISTIO_NAMESPACE || isSystemNamespace(namespace.name)) return false;
  const labels = labelsOf(namespace);
  if (REVISION_LABEL in labels) return !labels[INJECTION_LABEL];
  return labels[INJECTION_LABEL] === 'enabled';
}

export const podMissingSidecar = defineWorkspaceAnalyzer(
  {
    code: 'IY963',
    name: 'pod-missing-sidecar',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Pod'],
    summary: 'A Pod in a namespace with sidecar injection has no istio-proxy container.',
    istioctl: 'IST0103',
    docs: `## Why
The injector adds the \`istio-proxy\` container when a pod is created. A pod read back from the cluster
(it has a \`status\`) without one was created before injection was enabled for its namespace, or the
injector failed or was bypassed: it is outside the mesh although its namespace is not. Restart it
(\`kubectl rollout restart\` its Deployment) to inject it. Pods that opt out
(\`sidecar.istio.io/inject: "false"\`) and host-network pods are not reported.

A hand-written Pod manifest never contains the proxy: the injector adds it when the pod is created,
so for such manifests the finding is only a hint.

## Example
\`\`\`yaml
kind: Pod
metadata:
  name: reviews-v1-5d8f9
  namespace: bookinfo      # labelled istio-injection=enabled
spec:
  containers:
  - name: reviews          # no istio-proxy: created before injection was enabled
\`\`\``,
  },
  (ctx) => {
    const pod = podShape(ctx.resource);
    if (!pod || !injectionEnabled(namespaceNamed(ctx.index, ctx.resource.namespace))) return;
    if (podOptsOut(pod.labels, pod.annotations) || pod.spec.hostNetwork === true) return;
    const proxy = [...containersOf(pod), ...containersOf(pod, 'initContainers')].some((c) => c.name === ISTIO_PROXY && c.image);
    if (proxy) return;
    const live = isLiveObject(ctx.resource);
    ctx.report({
      path: ['metadata', 'name'],
      message: live
        ? `Pod '${ctx.resource.name}' has no istio-proxy sidecar although namespace '${ctx.resource.namespace}' has injection enabled: it was created before injection was enabled or injection failed; restart it`
        : `Pod '${ctx.resource.name}' has no istio-proxy container; namespace '${ctx.resource.namespace}' has injection enabled, so the injector adds it when the pod is created`,
      severity: live ? undefined : 'hint',
    });
  },
);
