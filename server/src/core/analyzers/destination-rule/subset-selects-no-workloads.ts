// A DestinationRule subset whose labels match no workload: the subset's cluster has no endpoints, so
// requests routed to it fail with 503 (no healthy upstream).
import { type HostEntry, lookupHost, resolveExportTo } from '../../index/host-table';
import { toFqdn } from '../../index/hosts';
import { subsetsOf } from '../../index/resolve-destination';
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, type Labels, selectorString, stringMap, WORKLOAD_KINDS } from '../../index/workloads';
import { isObject } from '../../model/resource';
import { defineWorkspaceAnalyzer, type RelatedReport } from '../framework';
import { hostEntriesIgnoringVisibility, listText, mostSpecific, qualifiedName, specOf, stringList } from '../routing';

/** Node labels pilot copies onto the labels of the pods scheduled on the node. */
const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

interface LabelledWorkload {
  readonly namespace: string;
  readonly labels: Labels;
}

/** Every workload's labels as istiod sees them: pods also carry their node's topology and host name. */
function workloadLabels(view: IndexView): LabelledWorkload[] {
  const nodes = new Map(view.all('Node').map((n) => [n.name, n]));
  return view.workloads().map((w) => {
    const nodeName = w.podSpec && typeof w.podSpec.nodeName === 'string' ? w.podSpec.nodeName : '';
    if (!nodeName) return { namespace: w.namespace, labels: w.labels };
    const labels: Record<string, string> = { ...w.labels };
    const node = nodes.get(nodeName);
    const nodeLabels = node && isObject(node.value.metadata) ? stringMap(node.value.metadata.labels) : {};
    for (const key of TOPOLOGY_LABELS) if (nodeLabels[key]) labels[key] = nodeLabels[key];
    labels[HOSTNAME_LABEL] = nodeName;
    return { namespace: w.namespace, labels };
  });
}

/** Inline endpoints of a ServiceEntry (`spec.endpoints[].labels`), which subsets select too. */
function endpointLabels(entry: HostEntry): Labels[] {
  if (entry.resource.kind !== 'ServiceEntry') return [];
  const endpoints = specOf(entry.resource).endpoints;
  return Array.isArray(endpoints) ? endpoints.map((e) => (isObject(e) ? stringMap(e.labels) : {})) : [];
}

function workloadSelectorOf(entry: HostEntry): Labels {
  if (entry.resource.kind !== 'ServiceEntry') return {};
  const selector = specOf(entry.resource).workloadSelector;
  return isObject(selector) ? stringMap(selector.labels) : {};
}

/** What a Service's own workloads carry for the given label keys (a hint at the intended value). */
function serviceLabelHint(entry: HostEntry, workloads: readonly LabelledWorkload[], keys: readonly string[]): string | undefined {
  if (entry.resource.kind !== 'Service') return undefined;
  const selector = stringMap(specOf(entry.resource).selector);
  if (!Object.keys(selector).length) return undefined;
  const own = workloads.filter((w) => w.namespace === entry.resource.namespace && labelsMatch(selector, w.labels));
  const parts = keys.flatMap((key) => {
    const values = [...new Set(own.map((w) => w.labels[key]).filter((v): v is string => v !== undefined))].sort();
    return values.length ? [`${key}: ${listText(values)}`] : [];
  });
  return parts.length ? `the workloads of Service ${qualifiedName(entry.resource)} have ${parts.join('; ')}` : undefined;
}

export const subsetSelectsNoWorkloads = defineWorkspaceAnalyzer(
  {
    code: 'IY915',
    name: 'subset-selects-no-workloads',
    severity: 'warning',
    category: 'reference',
    inputs: ['DestinationRule'],
    summary: 'A DestinationRule subset selects no workload in the workspace.',
    istioctl: 'IST0173',
    docs: `## Why
A subset is the set of endpoints of the host whose labels include the subset's \`labels\` (merged with
the ServiceEntry's \`workloadSelector.labels\` when the host is a ServiceEntry with one). When no workload
carries those labels, the subset's cluster is empty and requests routed to it fail with 503 ("no
healthy upstream"). Workloads are Pods, the pod templates of Deployments, StatefulSets, DaemonSets, Jobs
and the like, WorkloadEntries, and a ServiceEntry's inline \`endpoints\`, in any namespace (as istioctl
checks, IST0173). Pods also carry the labels istiod adds: \`topology.kubernetes.io/region\`,
\`topology.kubernetes.io/zone\` and \`topology.istio.io/subzone\` copied from their Node (\`spec.nodeName\`),
and \`kubernetes.io/hostname\`.

Checked only when the host resolves (IY914 reports unknown hosts). When the workspace holds no
workload at all, they are deployed from elsewhere and the finding is information (setting
\`istioYaml.references.incompleteWorkspace\`). It is a warning rather than an error because workspaces
often hold only some of the workloads.

## Example
\`\`\`yaml
kind: DestinationRule
spec:
  host: reviews
  subsets:
  - name: v3
    labels: {version: v3}   # no Deployment of reviews has version: v3
\`\`\``,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (typeof spec.host !== 'string' || !spec.host) return;
    const namespace = ctx.resource.namespace;
    let entries = lookupHost(ctx.index, namespace, spec.host);
    if (!entries.length) {
      // As for IY914: a host visible where the rule is exported to counts.
      const exportTo = resolveExportTo(stringList(spec.exportTo), namespace);
      entries = hostEntriesIgnoringVisibility(ctx.index, namespace, spec.host).filter((e) => exportTo === '*' || e.exportTo === '*' || exportTo.some((ns) => e.exportTo.includes(ns)));
    }
    entries = mostSpecific(entries);
    if (!entries.length) return;
    const workloads = ctx.index.derived('iy915-workload-labels', [...WORKLOAD_KINDS, 'Node'], workloadLabels);
    const decidable = workloads.length > 0 || entries.some((e) => endpointLabels(e).length > 0);
    if (!decidable && ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
    const fqdn = toFqdn(namespace, spec.host);

    for (const subset of subsetsOf(ctx.resource)) {
      const own = stringMap(subset.labels);
      let selected = false;
      let shown: Labels = own;
      for (const entry of entries) {
        const selector = { ...workloadSelectorOf(entry), ...own };
        if (!Object.keys(selector).length) {
          selected = true;
          break;
        }
        shown = selector;
        if (workloads.some((w) => labelsMatch(selector, w.labels)) || endpointLabels(entry).some((l) => labelsMatch(selector, l))) {
          selected = true;
          break;
        }
      }
      if (selected) continue;
      const merged = Object.keys(shown).length > Object.keys(own).length ? ' (with the ServiceEntry workloadSelector)' : '';
      const hint = entries.map((e) => serviceLabelHint(e, workloads, Object.keys(own))).find((h) => h);
      let message = `subset '${subset.name}' of ${fqdn} selects no workload: nothing in the workspace has labels ${selectorString(shown)}${merged}`;
      if (hint) message += ` (${hint})`;
      const related: RelatedReport[] = entries.map((e) => ({ resource: e.resource, path: e.path, message: `${e.resource.kind} ${qualifiedName(e.resource)}` }));
      if (decidable) ctx.report({ path: [...subset.path, 'name'], message, related });
      else ctx.report({ path: [...subset.path, 'name'], message: `${message} (the workspace holds no workloads, so they may be deployed from elsewhere)`, severity: 'information', related });
    }
  },
);
