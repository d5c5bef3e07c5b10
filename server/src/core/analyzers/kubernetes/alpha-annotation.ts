// An Istio annotation of alpha maturity.
import { ANNOTATED_KINDS, annotationSites, lookupAnnotation } from '../../kubernetes/annotations';
import { containersOf } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer } from '../framework';

/** Set by istiod on the pods it injects, never by users. */
const SET_BY_ISTIO = new Set(['sidecar.istio.io/status', 'istio.io/rev']);

/** Written on pods by the injector when Istio CNI is used (no istio-init init container). */
const SET_WITH_CNI = new Set([
  'sidecar.istio.io/interceptionMode',
  'traffic.sidecar.istio.io/includeInboundPorts',
  'traffic.sidecar.istio.io/excludeInboundPorts',
  'traffic.sidecar.istio.io/includeOutboundIPRanges',
]);

export const alphaAnnotation = defineWorkspaceAnalyzer(
  {
    code: 'IY970',
    name: 'alpha-annotation',
    severity: 'hint',
    category: 'kubernetes',
    inputs: ANNOTATED_KINDS,
    summary: 'An Istio annotation of alpha maturity is used.',
    istioctl: 'IST0136',
    docs: `## Why
Alpha annotations may change or disappear between Istio releases without a deprecation period.
\`istioctl analyze\` does not run this check by default because many alpha annotations are common;
here it is a hint (disable IY970, or raise its severity, in the settings). Hidden annotations,
annotations istiod writes itself (\`sidecar.istio.io/status\`, \`istio.io/rev\`) and, on pods that use
Istio CNI (no \`istio-init\` init container), the traffic annotations the injector writes are skipped.

## Example
\`\`\`yaml
metadata:
  annotations:
    sidecar.istio.io/statsInclusionPrefixes: cluster.outbound   # alpha
\`\`\``,
  },
  (ctx) => {
    for (const site of annotationSites(ctx.resource)) {
      const entry = lookupAnnotation(site.key);
      if (!entry || entry.featureStatus !== 'Alpha' || entry.hidden || SET_BY_ISTIO.has(site.key)) continue;
      if (site.podSpec && SET_WITH_CNI.has(site.key)) {
        const usesCni = !containersOf({ labels: {}, annotations: {}, spec: site.podSpec, path: [] }, 'initContainers').some((c) => c.name === 'istio-init');
        if (usesCni) continue;
      }
      ctx.report({ path: site.path, target: 'key', message: `Annotation '${site.key}' is alpha: it may change or be removed in a future Istio release` });
    }
  },
);
