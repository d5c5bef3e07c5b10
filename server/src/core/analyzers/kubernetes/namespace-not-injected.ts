// A namespace that asks for no sidecar injection and no ambient mode: its pods are outside the mesh.
import { namespacesInjectedByDefault, unlabelledNamespace } from '../../kubernetes/injection';
import { defineWorkspaceAnalyzer } from '../framework';

export const namespaceNotInjected = defineWorkspaceAnalyzer(
  {
    code: 'IY962',
    name: 'namespace-not-injected',
    severity: 'information',
    category: 'kubernetes',
    inputs: ['Namespace'],
    summary: 'A Namespace has no istio-injection, istio.io/rev or istio.io/dataplane-mode label, so its pods join the mesh only if they opt in one by one.',
    istioctl: 'IST0102',
    docs: `## Why
Istio adds sidecars to the pods of namespaces labelled \`istio-injection=enabled\` or
\`istio.io/rev=<revision>\`, and enrols namespaces labelled \`istio.io/dataplane-mode=ambient\` in ambient
mode. Without any of these labels, pods created there get no proxy (unless each opts in with the
\`sidecar.istio.io/inject: "true"\` label), receive no mTLS and ignore the mesh's routing and policies.
That can be intended: label the namespace \`istio-injection=disabled\` to say so. \`istio-system\` and
the Kubernetes system namespaces are not checked; when the sidecar injector enables namespaces by
default, IY965 reports instead.

## Example
\`\`\`yaml
kind: Namespace
metadata:
  name: bookinfo      # add the label istio-injection: enabled (or istio.io/rev: <revision>)
\`\`\``,
  },
  (ctx) => {
    if (!unlabelledNamespace(ctx.resource) || namespacesInjectedByDefault(ctx.index)) return;
    ctx.report({
      path: ['metadata', 'name'],
      message: `Namespace '${ctx.resource.name}' is not enabled for Istio: label it istio-injection=enabled (or istio.io/rev=<revision>, or istio.io/dataplane-mode=ambient), or istio-injection=disabled if it stays out of the mesh`,
    });
  },
);
