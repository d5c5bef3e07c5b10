// A Pod whose istio-proxy container still says `image: auto`: injection did not (or will not) happen.
import { autoImageContainer, injectedByWebhook } from '../../kubernetes/image-auto';
import { isLiveObject } from '../../kubernetes/injection';
import { podShape } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer } from '../framework';

export const uninjectedAutoImage = defineWorkspaceAnalyzer(
  {
    code: 'IY975',
    name: 'uninjected-auto-image',
    severity: 'error',
    category: 'kubernetes',
    inputs: ['Pod'],
    summary: 'A Pod still has image: auto for istio-proxy, so it was not injected and cannot start.',
    istioctl: 'IST0147',
    docs: `## Why
\`image: auto\` is a placeholder the sidecar injector replaces when the pod is created. A pod read back
from the cluster (it has a \`status\`) that still carries it was not injected, and its \`istio-proxy\`
container cannot start. For a hand-written Pod manifest the pod is reported when no Istio injection
webhook in the workspace would select it (as IY974 does for Deployments).

## Example
\`\`\`yaml
kind: Pod
spec:
  containers:
  - name: istio-proxy
    image: auto          # never replaced: enable injection for the namespace
\`\`\``,
  },
  (ctx) => {
    const pod = podShape(ctx.resource);
    const container = pod && autoImageContainer(pod);
    if (!pod || !container) return;
    const message = `Pod '${ctx.resource.name}' has image: auto for istio-proxy: it was not injected, so the container cannot start; enable injection for namespace '${ctx.resource.namespace}' or label the pod sidecar.istio.io/inject: "true"`;
    if (isLiveObject(ctx.resource)) {
      ctx.report({ path: [...container.path, 'image'], message });
      return;
    }
    const injected = injectedByWebhook(ctx.index, ctx.resource, pod);
    if (injected) return;
    if (injected === false) {
      ctx.report({ path: [...container.path, 'image'], message: `Pod '${ctx.resource.name}' uses image: auto for istio-proxy, but no Istio injection webhook selects it, so it will not be injected and the container cannot start; enable injection for namespace '${ctx.resource.namespace}' or label the pod sidecar.istio.io/inject: "true"` });
      return;
    }
    if (ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
    ctx.report({ path: [...container.path, 'image'], message: `Pod '${ctx.resource.name}' uses image: auto for istio-proxy; it starts only if an injection webhook selects it (the workspace holds no MutatingWebhookConfigurations to check)`, severity: 'information' });
  },
);
