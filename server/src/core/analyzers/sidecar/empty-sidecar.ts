// A Sidecar must configure something.
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const emptySidecar = defineAnalyzer(
  {
    code: 'IY451',
    name: 'empty-sidecar',
    severity: 'error',
    category: 'admission',
    inputs: ['Sidecar'],
    summary: 'A Sidecar sets none of egress, ingress, outboundTrafficPolicy or inboundConnectionPool.',
    istioctl: 'IST0106',
    docs: `## Why
A Sidecar resource narrows or tunes what the selected proxies do; one that configures nothing is rejected by istiod.

## Example
\`\`\`yaml
kind: Sidecar
spec:
  workloadSelector:
    labels: {app: reviews}
  # nothing configured
\`\`\`

## Fix
Add the \`egress\` hosts the workloads need (for example \`["./*", "istio-system/*"]\`), or delete the Sidecar.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) {
      if (ctx.resource.value.spec === undefined || ctx.resource.value.spec === null) {
        ctx.report({ path: ['kind'], message: 'the Sidecar has no spec: configure egress, ingress, outboundTrafficPolicy or inboundConnectionPool' });
      }
      return;
    }
    if (list(spec.egress).length || list(spec.ingress).length || spec.outboundTrafficPolicy != null || spec.inboundConnectionPool != null) return;
    ctx.report({ path: ['spec'], target: 'key', message: 'the Sidecar configures nothing: add egress, ingress, outboundTrafficPolicy or inboundConnectionPool' });
  },
);
