// Pods of an injected namespace whose istio-proxy image differs from what the injector now injects.
import { injectorConfigMapName, injectorConfigMaps, injectorProxyImage, namespaceRevision } from '../../kubernetes/injection';
import { annotationsOf, containersOf, ISTIO_PROXY, podShape } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer, type RelatedReport } from '../framework';

/** Image variants Istio publishes for every tag (`proxy.image.imageType`). */
const VARIANTS = ['', '-distroless', '-debug'];

export const staleProxyImage = defineWorkspaceAnalyzer(
  {
    code: 'IY976',
    name: 'stale-proxy-image',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Namespace'],
    summary: 'Pods in an injected namespace run an istio-proxy image other than the one the sidecar injector now injects.',
    istioctl: 'IST0158',
    docs: `## Why
After an upgrade the injector (ConfigMap \`istio-sidecar-injector\`, or \`istio-sidecar-injector-<revision>\`
for a namespace labelled \`istio.io/rev\`) injects the new proxy image, but running pods keep the one
they were created with until restarted. Proxies older than the control plane may miss features or
fixes, and the skew supported between proxy and istiod is limited. The expected image is
\`global.proxy.image\` of the injector's values (prefixed with \`global.hub\` and suffixed with
\`global.tag\` unless it is a full reference); the \`-distroless\` and \`-debug\` variants count as the same
image. Pods with a \`sidecar.istio.io/proxyImage\` annotation are skipped.

## Example
\`\`\`yaml
kind: Pod
metadata: { name: details-v1-old, namespace: bookinfo }
spec:
  containers:
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.22.0   # the injector now injects 1.23.1: restart the pod
\`\`\``,
  },
  (ctx) => {
    const revision = namespaceRevision(ctx.resource);
    if (revision === undefined || ctx.resource.group !== '') return;
    const injector = injectorConfigMaps(ctx.index).get(injectorConfigMapName(revision));
    const expected = injector && injectorProxyImage(injector);
    if (!injector || !expected) return;
    const stale: RelatedReport[] = [];
    for (const podResource of ctx.index.all('Pod')) {
      const pod = podShape(podResource);
      if (!pod || podResource.namespace !== ctx.resource.name || annotationsOf(podResource)['sidecar.istio.io/proxyImage']) continue;
      for (const c of [...containersOf(pod), ...containersOf(pod, 'initContainers')]) {
        if (c.name === ISTIO_PROXY && !VARIANTS.some((v) => c.image === expected + v)) stale.push({ resource: podResource, path: [...c.path, 'image'], message: `runs ${c.image}` });
      }
    }
    if (!stale.length) return;
    const names = [...new Set(stale.map((s) => s.resource.name))];
    ctx.report({
      path: ['metadata', 'name'],
      message: `Namespace '${ctx.resource.name}': pods ${names.join(', ')} run an istio-proxy image other than ${expected}, which ${injector.name} injects now; restart them to pick up the current proxy`,
      related: stale,
    });
  },
);
