// Workspace-wide tables that namespace and principal completions read: built once per index (the
// index memoizes them), so completing in a list of namespaces does not walk every object per keystroke.
import type { KindKey } from '../index/kind-key';
import type { IndexView } from '../index/workspace-index';
import { type Workload, WORKLOAD_KINDS } from '../index/workloads';
import { ISTIO_KINDS } from '../model/kinds';
import type { Resource } from '../model/resource';

/** Kinds whose objects' namespaces count as namespaces in use (a view cannot list the index's kinds). */
const NAMESPACED_KINDS: readonly KindKey[] = [...new Set([...ISTIO_KINDS.map((k) => k.kind), 'Service', 'ServiceAccount', 'ConfigMap', 'Secret', ...WORKLOAD_KINDS])];

export interface NamespaceInfo {
  /** The Namespace object, when the workspace defines one. */
  readonly object?: Resource;
  /** How many objects of NAMESPACED_KINDS live in it. */
  readonly resources: number;
}

/** Namespaces from Namespace objects and from the objects living in them, sorted by name. */
export function namespaceTable(view: IndexView): ReadonlyMap<string, NamespaceInfo> {
  return view.derived('completion:namespaces', ['Namespace', ...NAMESPACED_KINDS], (v) => {
    const objects = new Map<string, Resource>();
    for (const n of v.all('Namespace')) if (n.name && !objects.has(n.name)) objects.set(n.name, n);
    const counts = new Map<string, number>();
    for (const kind of NAMESPACED_KINDS) for (const r of v.all(kind)) if (r.namespace) counts.set(r.namespace, (counts.get(r.namespace) ?? 0) + 1);
    const names = [...new Set([...objects.keys(), ...counts.keys()])].sort();
    return new Map(names.map((name) => [name, { object: objects.get(name), resources: counts.get(name) ?? 0 }]));
  });
}

export interface PrincipalInfo {
  readonly namespace: string;
  readonly name: string;
  readonly account?: Resource;
  readonly workloads: readonly Workload[];
}

const DEFAULT_TRUST_DOMAIN = 'cluster.local';

/** `<trust domain>/ns/<ns>/sa/<name>` for every ServiceAccount and every workload's service account, sorted. */
export function principalTable(view: IndexView): ReadonlyMap<string, PrincipalInfo> {
  return view.derived('completion:principals', ['ServiceAccount', 'ConfigMap', ...WORKLOAD_KINDS], (v) => {
    const configured = v.mesh.raw.trustDomain;
    const trustDomain = typeof configured === 'string' && configured ? configured : DEFAULT_TRUST_DOMAIN;
    const table = new Map<string, { namespace: string; name: string; account?: Resource; workloads: Workload[] }>();
    const entry = (namespace: string, name: string) => {
      const key = `${trustDomain}/ns/${namespace}/sa/${name}`;
      let found = table.get(key);
      if (!found) table.set(key, (found = { namespace, name, workloads: [] }));
      return found;
    };
    for (const account of v.all('ServiceAccount')) if (account.name) entry(account.namespace, account.name).account ??= account;
    for (const w of v.workloads()) if (w.serviceAccount) entry(w.namespace, w.serviceAccount).workloads.push(w);
    return new Map([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
