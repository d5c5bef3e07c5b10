// A deprecated Istio annotation.
import { ANNOTATED_KINDS, annotationSites, lookupAnnotation } from '../../kubernetes/annotations';
import { SIDECAR_INJECT } from '../../kubernetes/injection';
import { defineWorkspaceAnalyzer } from '../framework';

export const deprecatedAnnotation = defineWorkspaceAnalyzer(
  {
    code: 'IY969',
    name: 'deprecated-annotation',
    severity: 'information',
    category: 'kubernetes',
    inputs: ANNOTATED_KINDS,
    summary: 'An Istio annotation is deprecated.',
    istioctl: 'IST0135',
    docs: `## Why
Deprecated annotations still work for now but will be removed; the most common one is the
\`sidecar.istio.io/inject\` annotation, replaced by the \`sidecar.istio.io/inject\` label (labels can be
matched by the injection webhook's object selector, annotations cannot). A pod that carries both the
annotation and the label is not reported: keeping both is a deliberate transition.

## Example
\`\`\`yaml
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/inject: "false"   # use the label sidecar.istio.io/inject instead
\`\`\``,
  },
  (ctx) => {
    for (const site of annotationSites(ctx.resource)) {
      const entry = lookupAnnotation(site.key);
      if (!entry?.deprecated) continue;
      if (site.key === SIDECAR_INJECT && SIDECAR_INJECT in site.labels) continue;
      const instead = site.key === SIDECAR_INJECT ? `; use the '${SIDECAR_INJECT}' label instead` : '';
      ctx.report({ path: site.path, target: 'key', message: `Annotation '${site.key}' is deprecated${instead}`, tags: ['deprecated'] });
    }
  },
);
