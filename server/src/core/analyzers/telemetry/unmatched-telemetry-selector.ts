// A Telemetry whose selector matches no workload in its namespace configures nothing.
import type { Labels } from '../../index/workloads';
import { isObject, type Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';
import { specLabels } from '../gateway/unmatched-gateway-selector';
import { reportUnmatchedNamespaceSelector, selectedInNamespace } from '../sidecar/unmatched-sidecar-selector';

export const TELEMETRY_SELECTOR_PATH: FieldPath = ['spec', 'selector', 'matchLabels'];

export function telemetrySelector(telemetry: Resource): Labels {
  return specLabels(telemetry.value, 'selector', 'matchLabels');
}

/** Whether a policy attaches through `targetRef`/`targetRefs` instead of a selector. */
export function hasTargetRef(resource: Resource): boolean {
  const spec = isObject(resource.value.spec) ? resource.value.spec : {};
  return isObject(spec.targetRef) || (Array.isArray(spec.targetRefs) && spec.targetRefs.length > 0);
}

export const unmatchedTelemetrySelector = defineWorkspaceAnalyzer(
  {
    code: 'IY930',
    name: 'unmatched-telemetry-selector',
    severity: 'error',
    category: 'reference',
    inputs: ['Telemetry'],
    summary: 'A Telemetry selector matches no workload in its namespace.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A Telemetry with \`selector.matchLabels\` applies to the workloads of its own namespace whose labels
match (Pods, pod templates of Deployments and other controllers, WorkloadEntries). A selector that
matches none configures nothing, and the workloads it was meant for keep the namespace or mesh
defaults. When the workspace holds no workload in the namespace, the finding is information.

## Example
\`\`\`yaml
kind: Telemetry
metadata: {name: reviews-logs, namespace: default}
spec:
  selector:
    matchLabels:
      app: reveiws       # the Deployment is labelled app: reviews
  accessLogging:
  - providers: [{name: envoy}]
\`\`\`

## Fix
Change the label values to the closest values a workload of the namespace carries.`,
  },
  (ctx) => {
    const selector = telemetrySelector(ctx.resource);
    if (!Object.keys(selector).length) return;
    if (selectedInNamespace(ctx.index, ctx.resource, selector).length) return;
    reportUnmatchedNamespaceSelector(ctx, TELEMETRY_SELECTOR_PATH, selector, 'this Telemetry configures no proxy');
  },
);
