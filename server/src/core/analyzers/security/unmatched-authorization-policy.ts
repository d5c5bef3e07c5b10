// An AuthorizationPolicy that selects no workload in the mesh: it allows or denies nothing.
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, type Labels, selectorString, stringMap, type Workload, WORKLOAD_KINDS } from '../../index/workloads';
import { isObject, resourceLabel } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';
import { closestSelectorFix, reportByDecidability } from '../gateway/unmatched-gateway-selector';
import { ambientReason, metadataLabels, namespaceObject } from '../sidecar/ineffective-sidecar-in-ambient';
import { hasTargetRef } from '../telemetry/unmatched-telemetry-selector';

const INJECT = 'sidecar.istio.io/inject';

function parseBool(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['1', 't', 'true'].includes(v)) return true;
  if (['0', 'f', 'false'].includes(v)) return false;
  return undefined;
}

export type MeshStatus = 'in' | 'out' | 'unknown';

/**
 * Whether a workload is in the mesh, as istioctl decides it for Pods: it has an `istio-proxy`
 * container; else its `sidecar.istio.io/inject` label (then annotation) decides; else its namespace's
 * `istio-injection=enabled` label. Ambient workloads are in the mesh too. Beyond istioctl, a namespace
 * labelled with a revision (`istio.io/rev`) injects as istiod does, and WorkloadEntries are always in
 * the mesh. Deployment pod templates are judged like Pods: that is how they will run.
 * 'unknown' when only the namespace could decide and the workspace has no Namespace object for it
 * (namespaces are often created outside the repository; istioctl counts such workloads as out).
 */
export function meshStatus(view: IndexView, w: Workload): MeshStatus {
  if (w.resource.kind === 'WorkloadEntry') return 'in';
  if (ambientReason(view, w)) return 'in';
  const containers = Array.isArray(w.podSpec?.containers) ? w.podSpec.containers : [];
  if (containers.some((c) => isObject(c) && c.name === 'istio-proxy')) return 'in';
  const own = w.labels[INJECT] ?? w.annotations[INJECT];
  const explicit = own === undefined ? undefined : parseBool(own);
  if (explicit !== undefined) return explicit ? 'in' : 'out';
  const namespace = namespaceObject(view, w.namespace);
  if (!namespace) return 'unknown';
  const labels = metadataLabels(namespace);
  if (labels['istio-injection'] !== undefined) return labels['istio-injection'] === 'enabled' ? 'in' : 'out';
  return labels['istio.io/rev'] ? 'in' : 'out';
}

/** The mesh status of every workload of the workspace, computed once per index. */
function meshStatuses(view: IndexView): ReadonlyMap<Workload, MeshStatus> {
  return view.derived('workload-mesh-status', ['Namespace', ...WORKLOAD_KINDS], (v) => new Map(v.workloads().map((w) => [w, meshStatus(v, w)])));
}

export const unmatchedAuthorizationPolicy = defineWorkspaceAnalyzer(
  {
    code: 'IY935',
    name: 'unmatched-authorization-policy',
    severity: 'warning',
    category: 'workspace',
    inputs: ['AuthorizationPolicy'],
    summary: 'An AuthorizationPolicy selects no workload in the mesh, so it allows or denies nothing.',
    istioctl: 'IST0127',
    fix: 'unsafe',
    docs: `## Why
An AuthorizationPolicy is enforced by the proxies of the workloads it applies to: those its
\`selector\` matches in its namespace, or every workload of the namespace without a selector (every
workload of the mesh in the root namespace, with a selector). Only workloads in the mesh enforce it:
with a sidecar (an \`istio-proxy\` container, \`sidecar.istio.io/inject: "true"\`, or a namespace labelled
\`istio-injection=enabled\` or \`istio.io/rev\`), in ambient mode, or WorkloadEntries. A policy that
applies to none of them protects nothing, and a DENY policy the author relies on is not enforced.

Policies with \`targetRef(s)\` attach to gateways and waypoints instead (see IY940). When the workspace
holds no workload in the namespace, the finding is information.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
metadata: {name: httpbin, namespace: httpbin}
spec:
  selector:
    matchLabels:
      app: httbin          # the Deployment is labelled app: httpbin
\`\`\`

## Fix
Change the label values to the closest values an in-mesh workload carries.`,
  },
  (ctx) => {
    if (hasTargetRef(ctx.resource)) return;
    const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
    const hasSelector = isObject(spec.selector);
    const selector: Labels = hasSelector && isObject(spec.selector) ? stringMap(spec.selector.matchLabels) : {};
    const ns = ctx.resource.namespace;
    const meshWide = ns === ctx.index.mesh.rootNamespace;
    if (meshWide && !hasSelector) return;
    const scope = meshWide ? ctx.index.workloads() : ctx.index.workloadsIn(ns);
    const statuses = meshStatuses(ctx.index);
    const members = scope.filter((w) => statuses.get(w) === 'in');
    const selectorPath: FieldPath = isObject(spec.selector) && isObject(spec.selector.matchLabels) ? ['spec', 'selector', 'matchLabels'] : ['spec', 'selector'];
    const where = meshWide ? 'the mesh' : `namespace '${ns}'`;
    const applies = (w: Workload) => !hasSelector || labelsMatch(selector, w.labels);
    if (members.some(applies)) return;
    const candidates = scope.filter(applies);
    const unknown = candidates.find((w) => statuses.get(w) === 'unknown');
    const outside = candidates[0];
    // Nothing in scope: the workloads may be deployed from elsewhere. A candidate whose namespace the
    // workspace does not define: that namespace may be labelled for injection elsewhere.
    const why = unknown
      ? `${resourceLabel(unknown.resource)} would be in the mesh if namespace '${unknown.namespace}' is labelled istio-injection=enabled, and the workspace has no Namespace object to tell`
      : meshWide
        ? 'the workspace holds no workloads, so they may be deployed from elsewhere'
        : `the workspace holds no workloads in namespace '${ns}', so they may be deployed from elsewhere`;
    const decidable = scope.length > 0 && !unknown;
    if (!hasSelector) {
      const hint = outside && !unknown ? `; ${resourceLabel(outside.resource)} runs there without a sidecar: label the namespace istio-injection=enabled to add it to the mesh` : '';
      reportByDecidability(ctx, ['metadata', 'name'], `no workload in ${where} is in the mesh, so this namespace-wide policy applies to nothing${hint}`, decidable, why);
      return;
    }
    const hint = outside && !unknown ? `; ${resourceLabel(outside.resource)} matches but is not in the mesh (no sidecar injection, not ambient)` : '';
    const fix = outside ? undefined : closestSelectorFix(ctx, selectorPath, selector, members);
    reportByDecidability(
      ctx,
      selectorPath,
      `no in-mesh workload in ${where} matches the selector '${selectorString(selector)}', so this policy applies to nothing${hint}`,
      decidable,
      why,
      fix && [fix],
    );
  },
);
