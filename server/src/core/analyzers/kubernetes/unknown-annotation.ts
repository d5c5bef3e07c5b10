// An annotation in an Istio domain that Istio does not define (usually a typo).
import { ANNOTATED_KINDS, ANNOTATIONS, annotationSites, lookupAnnotation } from '../../kubernetes/annotations';
import { closestMatch } from '../../text/suggest';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';

export const unknownAnnotation = defineWorkspaceAnalyzer(
  {
    code: 'IY967',
    name: 'unknown-annotation',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ANNOTATED_KINDS,
    summary: 'An annotation in an Istio domain (*istio.io/) is not one Istio defines.',
    istioctl: 'IST0108',
    fix: 'safe',
    docs: `## Why
Istio reads only the annotations it defines; a misspelled one (\`sidecar.istio.io/injet\`) is ignored
without any error, so the setting silently does not apply. Every annotation whose domain ends in
\`istio.io\`, and \`kubernetes.io/ingress.class\`, is checked against the annotation catalogue of the
\`istio.io/api\` module, on Namespaces, Services, Pods, Deployments and Deployment pod templates.

## Example
\`\`\`yaml
metadata:
  annotations:
    sidecar.istio.io/proxyCpu: 500m   # did you mean sidecar.istio.io/proxyCPU?
\`\`\`

## Fix
Rename the annotation to the closest one Istio defines.`,
  },
  (ctx) => {
    const names = ANNOTATIONS.filter((a) => !a.hidden).map((a) => a.name);
    for (const site of annotationSites(ctx.resource)) {
      if (lookupAnnotation(site.key)) continue;
      const closest = closestMatch(site.key, names);
      const fixes: FindingFix[] = [];
      if (closest) {
        const [start, end] = ctx.rangeOf(site.path, 'key');
        fixes.push({ title: `Change to '${closest}'`, edits: [{ start, end, newText: closest }], preferred: true });
      }
      ctx.report({ path: site.path, target: 'key', message: `Unknown Istio annotation '${site.key}': Istio ignores it${closest ? `; did you mean '${closest}'?` : ''}`, fixes });
    }
  },
);
