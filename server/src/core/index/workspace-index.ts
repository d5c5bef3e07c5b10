// The workspace index: every Kubernetes-style object of every file, by kind, namespace and name.
// Pure data, no IO. Cross-resource analyzers read it through an IndexView that records which kinds
// they looked at: a finding depends only on those kinds, which is what makes caching and
// `affectedBy` (republish the files that depend on an edit) exact at the level of kinds.
import type { Resource } from '../model/resource';
import { type KindKey, kindKey } from './kind-key';
import { type MeshModel, meshModel } from './mesh-config';
import { labelsMatch, WORKLOAD_KINDS, type Workload, workloadOf } from './workloads';

export function keyOf(resource: Pick<Resource, 'group' | 'kind'>): KindKey {
  return kindKey(resource.group, resource.kind);
}

const EMPTY: readonly Resource[] = [];

export class WorkspaceIndex {
  private readonly byKind = new Map<KindKey, Resource[]>();
  private readonly byName = new Map<string, Resource[]>();
  /** Built on first use per kind: analyzers ask "the X of this namespace" once per resource. */
  private readonly byNamespace = new Map<KindKey, Map<string, Resource[]>>();
  private readonly memo = new Map<string, unknown>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      const key = keyOf(r);
      let list = this.byKind.get(key);
      if (!list) this.byKind.set(key, (list = []));
      list.push(r);
      const nameKey = `${key}\u0000${r.namespace}\u0000${r.name}`;
      let named = this.byName.get(nameKey);
      if (!named) this.byName.set(nameKey, (named = []));
      named.push(r);
    }
  }

  /** A view that records the kinds read into `deps` (or records nothing). */
  view(deps?: Set<KindKey>): IndexView {
    return new IndexView(this, deps);
  }

  /** @internal */ rawAll(kind: KindKey): readonly Resource[] {
    return this.byKind.get(kind) ?? EMPTY;
  }

  /** @internal */ rawInNamespace(kind: KindKey, namespace: string): readonly Resource[] {
    let byNamespace = this.byNamespace.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      for (const r of this.rawAll(kind)) {
        const list = byNamespace.get(r.namespace);
        if (list) list.push(r);
        else byNamespace.set(r.namespace, [r]);
      }
      this.byNamespace.set(kind, byNamespace);
    }
    return byNamespace.get(namespace) ?? EMPTY;
  }

  /** @internal */ rawNamed(kind: KindKey, namespace: string, name: string): readonly Resource[] {
    return this.byName.get(`${kind}\u0000${namespace}\u0000${name}`) ?? EMPTY;
  }

  /** @internal */ memoized<T>(name: string, build: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, build());
    return this.memo.get(name) as T;
  }

  kinds(): KindKey[] {
    return [...this.byKind.keys()];
  }
}

/** Read access to the index; every read records the kinds it depended on. */
export class IndexView {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly deps?: Set<KindKey>,
  ) {}

  private use(kinds: readonly KindKey[]): void {
    if (this.deps) for (const k of kinds) this.deps.add(k);
  }

  /** Every object of a kind, in workspace order (files in index order, documents in file order). */
  all(kind: KindKey): readonly Resource[] {
    this.use([kind]);
    return this.index.rawAll(kind);
  }

  inNamespace(kind: KindKey, namespace: string): readonly Resource[] {
    this.use([kind]);
    return this.index.rawInNamespace(kind, namespace);
  }

  /** The first object with this identity (duplicates are reported by their own analyzer). */
  get(kind: KindKey, namespace: string, name: string): Resource | undefined {
    this.use([kind]);
    return this.index.rawNamed(kind, namespace, name)[0];
  }

  /** Every object with this identity. */
  named(kind: KindKey, namespace: string, name: string): readonly Resource[] {
    this.use([kind]);
    return this.index.rawNamed(kind, namespace, name);
  }

  /** Whether the workspace holds any object of the kind: references into an absent kind are not errors. */
  has(kind: KindKey): boolean {
    return this.all(kind).length > 0;
  }

  /** A value computed once per index from the given kinds (a host table, a selector index, …). */
  derived<T>(name: string, kinds: readonly KindKey[], build: (view: IndexView) => T): T {
    this.use(kinds);
    return this.index.memoized(name, () => build(this.index.view()));
  }

  get mesh(): MeshModel {
    return this.derived('mesh', ['ConfigMap'], (v) => meshModel(v.all('ConfigMap')));
  }

  /** Pods, pod templates of workload controllers and WorkloadEntries. */
  workloads(): readonly Workload[] {
    return this.derived('workloads', WORKLOAD_KINDS, (v) => WORKLOAD_KINDS.flatMap((k) => v.all(k).map(workloadOf)).filter((w): w is Workload => !!w));
  }

  /**
   * The workloads whose labels include every label of the selector (all of them for an empty one),
   * through an index by `key=value`: selectors are many and workloads are many, so scanning every
   * workload for every selector is what made large workspaces slow.
   */
  workloadsWith(selector: Readonly<Record<string, string>>): readonly Workload[] {
    const entries = Object.entries(selector);
    if (!entries.length) return this.workloads();
    const byLabel = this.derived('workloads-by-label', WORKLOAD_KINDS, (v) => {
      const index = new Map<string, Workload[]>();
      for (const w of v.workloads()) {
        for (const [key, value] of Object.entries(w.labels)) {
          const entry = `${key}=${value}`;
          const list = index.get(entry);
          if (list) list.push(w);
          else index.set(entry, [w]);
        }
      }
      return index;
    });
    let narrowest: readonly Workload[] | undefined;
    for (const [key, value] of entries) {
      const list = byLabel.get(`${key}=${value}`);
      if (!list) return [];
      if (!narrowest || list.length < narrowest.length) narrowest = list;
    }
    return entries.length === 1 ? (narrowest ?? []) : (narrowest ?? []).filter((w) => labelsMatch(selector, w.labels));
  }

  /** The workloads of one namespace. */
  workloadsIn(namespace: string): readonly Workload[] {
    const byNamespace = this.derived('workloads-by-namespace', WORKLOAD_KINDS, (v) => groupBy(v.workloads(), (w) => w.namespace));
    return byNamespace.get(namespace) ?? [];
  }

  /** The workloads running as a service account (`ns/sa`), for principals. */
  workloadsRunningAs(namespace: string, serviceAccount: string): readonly Workload[] {
    const byAccount = this.derived('workloads-by-service-account', WORKLOAD_KINDS, (v) => groupBy(v.workloads(), (w) => `${w.namespace}/${w.serviceAccount}`));
    return byAccount.get(`${namespace}/${serviceAccount}`) ?? [];
  }

  /** Whether the workspace defines any workload (else selectors cannot be checked). */
  hasWorkloads(): boolean {
    return this.workloads().length > 0;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
