// Two Sidecars selecting the same workload: the proxy uses only one of them.
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, type Labels, type Workload } from '../../index/workloads';
import { type Resource, resourceLabel } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer, type WorkspaceContext } from '../framework';
import { ambientReason } from './ineffective-sidecar-in-ambient';
import { SIDECAR_SELECTOR_PATH, selectedInNamespace, sidecarSelector } from './unmatched-sidecar-selector';

/**
 * Reports the other policies of the subject's kind and namespace whose selectors match a workload the
 * subject selects (one finding naming all of them). Shared by Sidecar and Telemetry.
 */
export function reportSharedWorkloads(
  ctx: WorkspaceContext,
  kind: string,
  selectorOf: (r: Resource) => Labels,
  path: FieldPath,
  selected: readonly Workload[],
  consequence: string,
): void {
  if (!selected.length) return;
  const conflicts: { other: Resource; workload: Workload }[] = [];
  for (const other of ctx.index.inNamespace(kind, ctx.resource.namespace)) {
    if (other.name === ctx.resource.name) continue;
    const selector = selectorOf(other);
    if (!Object.keys(selector).length) continue;
    const workload = selected.find((w) => labelsMatch(selector, w.labels));
    if (workload) conflicts.push({ other, workload });
  }
  if (!conflicts.length) return;
  const first = conflicts[0];
  const others = conflicts.map((c) => resourceLabel(c.other)).join(', ');
  ctx.report({
    path,
    message: `${resourceLabel(first.workload.resource)} is also selected by ${others}: ${consequence}`,
    related: conflicts.map((c) => ({ resource: c.other, path, message: `also selects ${resourceLabel(c.workload.resource)}` })),
  });
}

/** Non-ambient workloads of the namespace a Sidecar selects (ambient ones are IY929's). */
export function sidecarWorkloads(view: IndexView, sidecar: Resource): Workload[] {
  const selector = sidecarSelector(sidecar);
  if (!Object.keys(selector).length) return [];
  return selectedInNamespace(view, sidecar, selector).filter((w) => !ambientReason(view, w));
}

export const conflictingSidecarSelectors = defineWorkspaceAnalyzer(
  {
    code: 'IY927',
    name: 'conflicting-sidecar-selectors',
    severity: 'error',
    category: 'workspace',
    inputs: ['Sidecar'],
    summary: 'Two Sidecars in a namespace select the same workload.',
    istioctl: 'IST0110',
    docs: `## Why
A proxy is configured by exactly one Sidecar. When several Sidecars of a namespace select the same
workload, istiod uses the oldest one and ignores the others, so part of the configuration silently
does not apply. Make the selectors disjoint or merge the Sidecars.

## Example
\`\`\`yaml
kind: Sidecar
metadata: {name: dupe-1, namespace: default}
spec:
  workloadSelector:
    labels: {app: reviews}    # Sidecar dupe-2 selects app: reviews too
\`\`\``,
  },
  (ctx) => {
    reportSharedWorkloads(ctx, 'Sidecar', sidecarSelector, SIDECAR_SELECTOR_PATH, sidecarWorkloads(ctx.index, ctx.resource), 'a proxy uses only one Sidecar (the oldest), so the others are ignored for it');
  },
);
