// A Deployment whose istio-proxy container says `image: auto` but that no injection webhook selects.
import { autoImageContainer, injectedByWebhook } from '../../kubernetes/image-auto';
import { podShape } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer } from '../framework';

export const autoImageWithoutInjection = defineWorkspaceAnalyzer(
  {
    code: 'IY974',
    name: 'auto-image-without-injection',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Deployment'],
    summary: 'A Deployment uses image: auto for istio-proxy, but no Istio injection webhook selects its pods.',
    istioctl: 'IST0146',
    docs: `## Why
\`image: auto\` on an \`istio-proxy\` container (the usual way to deploy a gateway) is a placeholder the
sidecar injector replaces with the real proxy image. If no Istio injection webhook matches the pods
(by the namespace's labels and the pod template's labels), nothing replaces it and the pods fail to
pull an image named \`auto\`. Label the namespace \`istio-injection=enabled\` (or \`istio.io/rev\`), or
the pod template \`sidecar.istio.io/inject: "true"\`. Webhooks are read from the workspace's
MutatingWebhookConfigurations; without any, the finding is information (setting
\`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: Deployment
metadata: { name: ingress-gateway, namespace: gateways }   # namespace not labelled for injection
spec:
  template:
    spec:
      containers:
      - name: istio-proxy
        image: auto
\`\`\``,
  },
  (ctx) => {
    const pod = podShape(ctx.resource);
    const container = pod && autoImageContainer(pod);
    if (!pod || !container) return;
    const injected = injectedByWebhook(ctx.index, ctx.resource, pod);
    if (injected) return;
    const message = `Deployment '${ctx.resource.name}' uses image: auto for istio-proxy, but no Istio injection webhook selects its pods, so the image is never filled in; enable injection for namespace '${ctx.resource.namespace}' or label the pod template sidecar.istio.io/inject: "true"`;
    if (injected === false) {
      ctx.report({ path: [...container.path, 'image'], message });
      return;
    }
    if (ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
    ctx.report({ path: [...container.path, 'image'], message: `${message} (the workspace holds no MutatingWebhookConfigurations, so the webhooks may be defined elsewhere)`, severity: 'information' });
  },
);
