// Two Telemetries selecting the same workload: which settings win is undefined.
import { defineWorkspaceAnalyzer } from '../framework';
import { reportSharedWorkloads } from '../sidecar/conflicting-sidecar-selectors';
import { selectedInNamespace } from '../sidecar/unmatched-sidecar-selector';
import { TELEMETRY_SELECTOR_PATH, telemetrySelector } from './unmatched-telemetry-selector';

export const conflictingTelemetrySelectors = defineWorkspaceAnalyzer(
  {
    code: 'IY931',
    name: 'conflicting-telemetry-selectors',
    severity: 'error',
    category: 'workspace',
    inputs: ['Telemetry'],
    summary: 'Two Telemetries in a namespace select the same workload.',
    istioctl: 'IST0159',
    docs: `## Why
istiod merges at most one workload-specific Telemetry over the namespace and mesh defaults. When
several Telemetries of a namespace select the same workload, only one of them applies, and which one
is not something to rely on. Make the selectors disjoint or merge the Telemetries.

## Example
\`\`\`yaml
kind: Telemetry
metadata: {name: dupe-1, namespace: default}
spec:
  selector:
    matchLabels: {app: reviews}    # Telemetry dupe-2 selects app: reviews too
\`\`\``,
  },
  (ctx) => {
    const selector = telemetrySelector(ctx.resource);
    if (!Object.keys(selector).length) return;
    const selected = selectedInNamespace(ctx.index, ctx.resource, selector);
    reportSharedWorkloads(ctx, 'Telemetry', telemetrySelector, TELEMETRY_SELECTOR_PATH, selected, 'a proxy applies only one workload-specific Telemetry, so the others are ignored for it');
  },
);
