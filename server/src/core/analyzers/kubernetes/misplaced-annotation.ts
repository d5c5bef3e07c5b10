// A known Istio annotation on a kind of object it does not act on.
import { ANNOTATED_KINDS, annotationSites, appliesToKind, describeResources, lookupAnnotation } from '../../kubernetes/annotations';
import { defineWorkspaceAnalyzer } from '../framework';

export const misplacedAnnotation = defineWorkspaceAnalyzer(
  {
    code: 'IY966',
    name: 'misplaced-annotation',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ANNOTATED_KINDS,
    summary: 'An Istio annotation is set on a kind of object it has no effect on.',
    istioctl: 'IST0107',
    docs: `## Why
Each Istio annotation is read from one kind of object: \`sidecar.istio.io/*\` and \`proxy.istio.io/config\`
from Pods, \`networking.istio.io/exportTo\` from Services, \`kubernetes.io/ingress.class\` from Ingresses.
On any other object it is ignored, so the setting silently does not apply. The usual mistake is a pod
annotation on a Deployment's own metadata instead of its pod template. Namespaces, Services, Pods,
Deployments and Deployment pod templates are checked, against the annotation catalogue of the
\`istio.io/api\` module.

## Example
\`\`\`yaml
kind: Deployment
metadata:
  annotations:
    sidecar.istio.io/proxyCPU: 500m   # acts on Pods: move it to spec.template.metadata.annotations
\`\`\``,
  },
  (ctx) => {
    for (const site of annotationSites(ctx.resource)) {
      const entry = lookupAnnotation(site.key);
      if (!entry || appliesToKind(entry, site.kind)) continue;
      const hint = site.kind === 'Deployment' && entry.resources.includes('Pod') ? '; move it to spec.template.metadata.annotations' : '';
      ctx.report({ path: site.path, target: 'key', message: `Annotation '${site.key}' has no effect on a ${site.kind}: it applies to ${describeResources(entry)}${hint}` });
    }
  },
);
