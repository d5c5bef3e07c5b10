// Outlier detection settings istiod rejects: local-origin failures without splitting them from
// external errors, and ejection percentages outside 0–100.
import { trafficPolicies } from '../../istio/validation/traffic-policy';
import { num, obj, wrappedNumber } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidOutlierDetection = defineAnalyzer(
  {
    code: 'IY205',
    name: 'invalid-outlier-detection',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'Outlier detection counts local-origin failures without splitting them, or has a percentage outside 0–100.',
    istioctl: 'IST0106',
    docs: `## Why
\`consecutiveLocalOriginFailures\` only counts when local-origin errors (timeouts, resets, connection failures seen by the proxy) are tracked separately from upstream responses, which requires \`splitExternalLocalOriginErrors: true\`.
\`maxEjectionPercent\` and \`minHealthPercent\` are percentages (0–100).

## Example
\`\`\`yaml
outlierDetection:
  consecutiveLocalOriginFailures: 5   # needs splitExternalLocalOriginErrors: true
  maxEjectionPercent: 150
\`\`\`

## Fix
Set \`splitExternalLocalOriginErrors: true\` or drop \`consecutiveLocalOriginFailures\`; keep percentages within 0–100.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const { policy, path } of trafficPolicies(spec)) {
      const outlier = obj(policy.outlierDetection);
      if (!outlier) continue;
      const at = [...path, 'outlierDetection'];
      const localOrigin = wrappedNumber(outlier.consecutiveLocalOriginFailures);
      if (localOrigin !== undefined && localOrigin > 0 && outlier.splitExternalLocalOriginErrors !== true) {
        ctx.report({ path: [...at, 'consecutiveLocalOriginFailures'], target: 'key', message: 'consecutiveLocalOriginFailures only works with splitExternalLocalOriginErrors: true' });
      }
      for (const field of ['maxEjectionPercent', 'minHealthPercent']) {
        const v = num(outlier[field]);
        if (v !== undefined && (v < 0 || v > 100)) ctx.report({ path: [...at, field], message: `${field} ${v} is not within 0–100` });
      }
    }
  },
);
