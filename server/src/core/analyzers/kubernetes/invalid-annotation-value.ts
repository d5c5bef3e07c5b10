// An Istio annotation whose value the sidecar injector rejects.
import { annotationValueProblem } from '../../kubernetes/annotation-values';
import { ANNOTATED_KINDS, annotationSites, appliesToKind, lookupAnnotation } from '../../kubernetes/annotations';
import { defineWorkspaceAnalyzer } from '../framework';

export const invalidAnnotationValue = defineWorkspaceAnalyzer(
  {
    code: 'IY968',
    name: 'invalid-annotation-value',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ANNOTATED_KINDS,
    summary: 'An Istio annotation has a value the sidecar injector rejects.',
    istioctl: 'IST0125',
    docs: `## Why
The sidecar injector validates some pod annotations and refuses to inject a pod whose value is
invalid, so the pod is created without its proxy (or not at all, with a failing webhook policy).
Checked: \`sidecar.istio.io/interceptionMode\` (REDIRECT, TPROXY or NONE),
\`status.sidecar.istio.io/port\` (a port), the three \`readiness.status.sidecar.istio.io/*\` settings
(non-negative integers), \`traffic.sidecar.istio.io/{include,exclude}OutboundIPRanges\` (comma-separated
CIDR blocks, or \`*\` to include all), \`traffic.sidecar.istio.io/{include,exclude}InboundPorts\` and
\`excludeOutboundPorts\` (comma-separated ports, or \`*\` to include all), \`prometheus.istio.io/merge-metrics\`
(a boolean) and \`proxy.istio.io/config\` (a YAML map; its fields are not checked). Annotations on a kind
they do not apply to are reported by IY966 instead.

## Example
\`\`\`yaml
metadata:
  annotations:
    traffic.sidecar.istio.io/excludeOutboundIPRanges: "10.0.0.0/8, 172.16.0.0/12"   # no spaces allowed
\`\`\``,
  },
  (ctx) => {
    for (const site of annotationSites(ctx.resource)) {
      const entry = lookupAnnotation(site.key);
      if (!entry || !appliesToKind(entry, site.kind)) continue;
      const problem = annotationValueProblem(site.key, site.value);
      if (problem) ctx.report({ path: site.path, message: `Invalid value for annotation '${site.key}': ${problem}` });
    }
  },
);
