// A Gateway whose selector matches no workload configures no proxy: its servers listen nowhere.
// Also home of the selector helpers the other "selects nothing" analyzers share (Sidecar, Telemetry,
// AuthorizationPolicy): matching, decidability and the closest-label quick fix.
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, type Labels, selectorString, stringMap, type Workload } from '../../index/workloads';
import { isObject, resourceLabel } from '../../model/resource';
import { closestMatch } from '../../text/suggest';
import type { FieldPath } from '../../yaml/path';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix, type WorkspaceContext } from '../framework';
import { unresolvedSites } from '../reference-findings';

/** `spec.<key>` of a resource as a label map (empty when absent). */
export function specLabels(value: unknown, ...path: string[]): Record<string, string> {
  let node: unknown = isObject(value) ? value.spec : undefined;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return stringMap(node);
}

/** Workloads a Gateway selector picks: in any namespace (gateways are not scoped); `{}` picks all. */
export function gatewayWorkloads(view: IndexView, selector: Labels): Workload[] {
  return [...view.workloadsWith(selector)];
}

/** Values of the `istio` label that Istio's control-plane components use; every other value names a gateway. */
const CONTROL_PLANE = new Set(['pilot', 'istiod', 'ztunnel', 'cni', 'istio-cni', 'sidecar-injector', 'citadel', 'galley', 'mixer', 'operator']);

/**
 * Whether a workload looks like a gateway proxy: labelled `istio: <gateway>` as Istio's charts do, a
 * Gateway API gateway, injected with the `gateway` template, or a proxy started as a router. Repositories
 * often hold the Gateway objects but not the gateway deployment (installed by Helm or istioctl); only
 * a workspace with some gateway workload can tell that a selector matches none.
 */
export function isGatewayWorkload(w: Workload): boolean {
  const istio = w.labels.istio;
  if (istio !== undefined && !CONTROL_PLANE.has(istio)) return true;
  if ('gateway.networking.k8s.io/gateway-name' in w.labels || 'istio.io/gateway-name' in w.labels) return true;
  if ((w.annotations['inject.istio.io/templates'] ?? '').split(',').some((t) => t.trim() === 'gateway')) return true;
  const containers = Array.isArray(w.podSpec?.containers) ? w.podSpec.containers : [];
  return containers.some((c) => isObject(c) && c.name === 'istio-proxy' && Array.isArray(c.args) && c.args.includes('router'));
}

/** A short name for a workload in messages: `Deployment httpbin/httpbin`. */
export function workloadLabel(w: Workload): string {
  return resourceLabel(w.resource);
}

/**
 * A quick fix that changes selector label values to the closest values the candidate workloads carry,
 * when that makes the selector match one of them. `path` is the label map's path.
 */
export function closestSelectorFix(ctx: WorkspaceContext, path: FieldPath, selector: Labels, candidates: readonly Workload[]): FindingFix | undefined {
  const changed: Record<string, string> = {};
  for (const [key, value] of Object.entries(selector)) {
    if (candidates.some((w) => w.labels[key] === value)) continue;
    const values = [...new Set(candidates.map((w) => w.labels[key]).filter((v): v is string => v !== undefined))];
    const closest = closestMatch(value, values);
    if (closest === undefined) return undefined;
    changed[key] = closest;
  }
  if (!Object.keys(changed).length) return undefined;
  const next = { ...selector, ...changed };
  if (!candidates.some((w) => labelsMatch(next, w.labels))) return undefined;
  return {
    title: `Change the selector to '${selectorString(next)}'`,
    edits: Object.entries(changed).map(([key, value]) => replaceValue(ctx, [...path, key], value)),
    preferred: true,
  };
}

/**
 * Reports something the workspace lacks (selected workloads, a Secret, a Service): at the analyzer's
 * severity when the workspace could hold it, else as information saying why (or nothing, by setting),
 * as `reportUnresolved` does for references.
 */
export function reportByDecidability(ctx: WorkspaceContext, path: FieldPath, message: string, decidable: boolean, whyUndecidable: string, fixes?: readonly FindingFix[]): void {
  if (decidable) {
    ctx.report({ path, message, fixes });
    return;
  }
  if (ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
  ctx.report({ path, message: `${message} (${whyUndecidable})`, severity: 'information', fixes });
}

export const unmatchedGatewaySelector = defineWorkspaceAnalyzer(
  {
    code: 'IY920',
    name: 'unmatched-gateway-selector',
    severity: 'error',
    category: 'reference',
    inputs: ['Gateway'],
    summary: 'A Gateway selector matches no workload, so no gateway proxy serves it.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A Gateway configures the proxies whose labels match its \`selector\`, in any namespace. A selector that
matches no Pod or Deployment means no proxy listens on the Gateway's servers, and every VirtualService
bound to it routes nothing.

Gateway deployments are often installed outside the repository (Helm, istioctl). When the workspace
holds no gateway workload at all (nothing labelled \`istio: <gateway>\`, no Gateway API gateway, no
proxy injected with the \`gateway\` template), the finding is information (setting
\`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: Gateway
spec:
  selector:
    istio: ingresgateway      # the ingress gateway is labelled istio: ingressgateway
\`\`\`

## Fix
Change the label values to the closest values a workload carries, when that makes the selector match.`,
  },
  (ctx) => {
    for (const { site } of unresolvedSites(ctx, ['selector'])) {
      const selector = site.labels ?? {};
      const workloads = ctx.index.workloads();
      const decidable = workloads.some(isGatewayWorkload);
      const fix = closestSelectorFix(ctx, site.path, selector, workloads);
      reportByDecidability(
        ctx,
        site.path,
        `no workload matches the Gateway selector '${selectorString(selector)}': no gateway proxy serves this Gateway`,
        decidable,
        'the workspace defines no gateway workload, so the gateway may be installed from elsewhere',
        fix && [fix],
      );
    }
  },
);
