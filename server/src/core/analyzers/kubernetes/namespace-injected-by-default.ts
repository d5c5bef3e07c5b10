// A namespace without injection labels that is injected anyway, because the injector enables all namespaces.
import { namespacesInjectedByDefault, unlabelledNamespace } from '../../kubernetes/injection';
import { defineWorkspaceAnalyzer } from '../framework';

export const namespaceInjectedByDefault = defineWorkspaceAnalyzer(
  {
    code: 'IY965',
    name: 'namespace-injected-by-default',
    severity: 'information',
    category: 'kubernetes',
    inputs: ['Namespace'],
    summary: 'A Namespace without injection labels gets sidecars because the injector sets enableNamespacesByDefault.',
    istioctl: 'IST0148',
    docs: `## Why
With \`sidecarInjectorWebhook.enableNamespacesByDefault: true\` in the values of the
\`istio-sidecar-injector\` ConfigMap, the injector adds sidecars to pods of every namespace that does
not opt out. A namespace without \`istio-injection\`, \`istio.io/rev\` or \`istio.io/dataplane-mode\`
labels is therefore in the mesh, which is easy to miss when reading its manifest. Label it
\`istio-injection=enabled\` to make that explicit, or \`istio-injection=disabled\` to keep it out.

## Example
\`\`\`yaml
kind: Namespace
metadata:
  name: legacy      # no labels: injected because of enableNamespacesByDefault
\`\`\``,
  },
  (ctx) => {
    if (!unlabelledNamespace(ctx.resource)) return;
    const injector = namespacesInjectedByDefault(ctx.index);
    if (!injector) return;
    ctx.report({
      path: ['metadata', 'name'],
      message: `Namespace '${ctx.resource.name}' has no injection label but is injected: ConfigMap ${injector.namespace}/${injector.name} sets enableNamespacesByDefault; label it istio-injection=enabled or =disabled to say which is meant`,
      related: [{ resource: injector, path: ['data', 'values'], message: 'enableNamespacesByDefault is set here' }],
    });
  },
);
