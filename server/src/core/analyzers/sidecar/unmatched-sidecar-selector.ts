// A Sidecar whose workloadSelector matches no workload in its namespace configures no proxy.
// Also the namespace-scoped selector helpers that Sidecar and Telemetry analyzers share.
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, type Labels, selectorString, type Workload } from '../../index/workloads';
import type { Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer, type WorkspaceContext } from '../framework';
import { closestSelectorFix, reportByDecidability, specLabels } from '../gateway/unmatched-gateway-selector';

export const SIDECAR_SELECTOR_PATH: FieldPath = ['spec', 'workloadSelector', 'labels'];

export function sidecarSelector(sidecar: Resource): Labels {
  return specLabels(sidecar.value, 'workloadSelector', 'labels');
}

/** Workloads of one namespace. */
export function namespaceWorkloads(view: IndexView, namespace: string): Workload[] {
  return view.workloads().filter((w) => w.namespace === namespace);
}

/** Workloads of the policy's own namespace that a non-empty selector matches (Sidecar and Telemetry do not reach other namespaces). */
export function selectedInNamespace(view: IndexView, policy: Resource, selector: Labels): Workload[] {
  return namespaceWorkloads(view, policy.namespace).filter((w) => labelsMatch(selector, w.labels));
}

/**
 * Reports a namespace-scoped selector that matches nothing: an error when the workspace holds workloads
 * in the namespace, else information (they may be deployed from elsewhere).
 */
export function reportUnmatchedNamespaceSelector(ctx: WorkspaceContext, path: FieldPath, selector: Labels, what: string): void {
  const candidates = namespaceWorkloads(ctx.index, ctx.resource.namespace);
  const fix = closestSelectorFix(ctx, path, selector, candidates);
  const ns = ctx.resource.namespace;
  reportByDecidability(
    ctx,
    path,
    `no workload in namespace '${ns}' matches the selector '${selectorString(selector)}': ${what}`,
    candidates.length > 0,
    `the workspace holds no workloads in namespace '${ns}', so they may be deployed from elsewhere`,
    fix && [fix],
  );
}

export const unmatchedSidecarSelector = defineWorkspaceAnalyzer(
  {
    code: 'IY926',
    name: 'unmatched-sidecar-selector',
    severity: 'error',
    category: 'reference',
    inputs: ['Sidecar'],
    summary: 'A Sidecar workloadSelector matches no workload in its namespace.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A Sidecar with a \`workloadSelector\` applies to the workloads of its own namespace whose labels match
(Pods, the pod templates of Deployments and other controllers, WorkloadEntries). A selector that
matches none configures nothing, and the workloads it was meant for keep the namespace default.

When the workspace holds no workload in the namespace, the finding is information.

## Example
\`\`\`yaml
kind: Sidecar
metadata: {name: reviews, namespace: default}
spec:
  workloadSelector:
    labels:
      app: reveiws      # the Deployment is labelled app: reviews
\`\`\`

## Fix
Change the label values to the closest values a workload of the namespace carries.`,
  },
  (ctx) => {
    const selector = sidecarSelector(ctx.resource);
    if (!Object.keys(selector).length) return;
    if (selectedInNamespace(ctx.index, ctx.resource, selector).length) return;
    reportUnmatchedNamespaceSelector(ctx, SIDECAR_SELECTOR_PATH, selector, 'this Sidecar configures no proxy');
  },
);
