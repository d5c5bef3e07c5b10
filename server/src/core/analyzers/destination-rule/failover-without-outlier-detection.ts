// Locality failover configured without outlier detection never triggers.
import { localityFindings } from '../../istio/validation/locality';
import { trafficPolicies } from '../../istio/validation/traffic-policy';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const failoverWithoutOutlierDetection = defineAnalyzer(
  {
    code: 'IY207',
    name: 'failover-without-outlier-detection',
    severity: 'warning',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'Locality failover is configured without outlier detection, so it never triggers.',
    istioctl: 'IST0133',
    docs: `## Why
Envoy fails over to another locality when the endpoints of the local one are ejected as unhealthy, and only outlier detection ejects endpoints.
Without \`outlierDetection\` in the same traffic policy, \`failover\` and \`failoverPriority\` have no effect.

## Example
\`\`\`yaml
trafficPolicy:
  loadBalancer:
    localityLbSetting:
      failover:
      - {from: us-east, to: us-west}
  # no outlierDetection
\`\`\`

## Fix
Add \`outlierDetection\`, for example \`consecutive5xxErrors: 5\`, \`interval: 10s\`, \`baseEjectionTime: 30s\`.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const { policy, path } of trafficPolicies(spec)) {
      const locality = obj(obj(policy.loadBalancer)?.localityLbSetting);
      if (!locality) continue;
      for (const f of localityFindings(locality, policy.outlierDetection, [...path, 'loadBalancer', 'localityLbSetting'])) {
        if (f.level === 'warning') ctx.report({ path: f.path, target: 'key', message: f.message });
      }
    }
  },
);
