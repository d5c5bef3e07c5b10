// The workloads behind a host or a subset, and the workloads a selector being written may choose
// from: what reference completions offer as labels and what reference hovers list.
import { lookupHost } from '../index/host-table';
import { serviceOfFqdn, toFqdn } from '../index/hosts';
import type { ReferenceRule } from '../index/references';
import type { IndexView } from '../index/workspace-index';
import { type Labels, labelsMatch, stringMap, type Workload } from '../index/workloads';
import { isObject, type Resource } from '../model/resource';

/**
 * The workloads serving a host written in `namespace`: the pods a Service selects, or the workloads
 * a ServiceEntry's `workloadSelector` picks; undefined when the host names neither (an external
 * host, or one not in the workspace), so callers can fall back to a wider scope.
 */
export function hostWorkloads(view: IndexView, namespace: string, host: string): Workload[] | undefined {
  let found: Set<Workload> | undefined;
  for (const entry of lookupHost(view, namespace, host)) {
    const spec = isObject(entry.resource.value.spec) ? entry.resource.value.spec : {};
    const isService = entry.resource.kind === 'Service' && entry.resource.group === '';
    const selector = isService ? stringMap(spec.selector) : isObject(spec.workloadSelector) ? stringMap(spec.workloadSelector.labels) : {};
    // A Service without a selector has hand-made endpoints: no workload of the workspace is behind it.
    if (!Object.keys(selector).length) continue;
    found ??= new Set();
    for (const w of view.workloadsWith(selector)) if (w.namespace === entry.resource.namespace) found.add(w);
  }
  return found && [...found];
}

/** Workloads of a DestinationRule subset: those behind the rule's host that carry the subset's labels. */
export function subsetWorkloads(view: IndexView, rule: Resource, labels: Labels): Workload[] {
  const spec = isObject(rule.value.spec) ? rule.value.spec : {};
  const host = typeof spec.host === 'string' ? spec.host : '';
  return selectorScope(view, 'host-namespace', rule.namespace, host).filter((w) => labelsMatch(labels, w.labels));
}

/**
 * Workloads a selector of `rule` in a resource of `namespace` can select at all, before its labels
 * narrow them: the namespace's own (every namespace from the mesh root namespace), any namespace's
 * (Gateways), or a DestinationRule host's backing workloads.
 */
export function selectorScope(view: IndexView, scope: ReferenceRule['selectorScope'], namespace: string, host?: string): readonly Workload[] {
  const all = view.workloads();
  if (scope === 'any-namespace') return all;
  if (scope === 'host-namespace') {
    if (!host) return all;
    const behind = hostWorkloads(view, namespace, host);
    if (behind) return behind;
    const service = serviceOfFqdn(toFqdn(namespace, host));
    return service ? all.filter((w) => w.namespace === service.namespace) : all;
  }
  if (namespace === view.mesh.rootNamespace) return all;
  return all.filter((w) => w.namespace === namespace);
}
