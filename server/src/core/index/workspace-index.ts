// The workspace index: every Kubernetes-style object of every file, by kind, namespace and name.
// Pure data, no IO. Cross-resource analyzers read it through an IndexView that records what they
// looked at (see dependency-keys.ts): a finding depends only on that, which is what makes caching and
// `affectedBy` (republish the files that depend on an edit) exact.
//
// An index is immutable. After an edit the next one is made from the previous one (`withFiles`): it
// shares the tables of every kind the edit did not change, and the derived tables (host table,
// workloads, …) built from those kinds only, so an edit costs what it changed, not the workspace.
import type { Resource } from '../model/resource';
import { type DependencyKey, kindDependency, kindOfDependency, nameDependency, namespaceDependency, presenceDependency } from './dependency-keys';
import { type KindKey, kindKey } from './kind-key';
import { type MeshModel, meshModel } from './mesh-config';
import { labelsMatch, WORKLOAD_KINDS, type Workload, workloadOf } from './workloads';

export function keyOf(resource: Pick<Resource, 'group' | 'kind'>): KindKey {
  return kindKey(resource.group, resource.kind);
}

const EMPTY: readonly Resource[] = [];

interface KindEntry {
  readonly uri: string;
  readonly resources: readonly Resource[];
}

/** The objects of one kind, per file in workspace order; lookups are built on first use. */
class KindTable {
  private list: readonly Resource[] | undefined;
  private names: Map<string, Resource[]> | undefined;
  private namespaces: Map<string, Resource[]> | undefined;

  constructor(readonly entries: readonly KindEntry[]) {}

  all(): readonly Resource[] {
    return (this.list ??= this.entries.length === 1 ? this.entries[0].resources : this.entries.flatMap((e) => e.resources));
  }

  named(namespace: string, name: string): readonly Resource[] {
    this.names ??= groupBy(this.all(), (r) => `${r.namespace}\u0000${r.name}`);
    return this.names.get(`${namespace}\u0000${name}`) ?? EMPTY;
  }

  inNamespace(namespace: string): readonly Resource[] {
    this.namespaces ??= groupBy(this.all(), (r) => r.namespace);
    return this.namespaces.get(namespace) ?? EMPTY;
  }

  /** The table with a file's objects replaced (none: the file no longer holds this kind). */
  with(uri: string, resources: readonly Resource[] | undefined, position: (uri: string) => number): KindTable {
    const entries = this.entries.filter((e) => e.uri !== uri);
    if (resources?.length) {
      const at = position(uri);
      let i = entries.length;
      while (i > 0 && position(entries[i - 1].uri) > at) i--;
      entries.splice(i, 0, { uri, resources });
    }
    return new KindTable(entries);
  }
}

interface Memo {
  /** The kinds the value was built from: it is reused by the next index when none of them changed. */
  readonly kinds: ReadonlySet<KindKey>;
  readonly value: unknown;
}

function byKindOf(resources: readonly Resource[]): Map<KindKey, Resource[]> {
  return groupBy(resources, keyOf);
}

function sameList(a: readonly Resource[] | undefined, b: readonly Resource[] | undefined): boolean {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  for (let i = 0; i < (a?.length ?? 0); i++) if (a![i] !== b![i]) return false;
  return true;
}

export class WorkspaceIndex {
  private readonly tables: ReadonlyMap<KindKey, KindTable>;
  /** Each file's objects by kind, to tell what an edit of the file changed. */
  private readonly filesByKind: ReadonlyMap<string, ReadonlyMap<KindKey, readonly Resource[]>>;
  private readonly memo: Map<string, Memo>;

  /** An index of these objects, in this order (files grouped in the order they first appear). */
  constructor(resources: readonly Resource[] = [], parts?: { tables: ReadonlyMap<KindKey, KindTable>; filesByKind: ReadonlyMap<string, ReadonlyMap<KindKey, readonly Resource[]>>; memo: Map<string, Memo> }) {
    if (parts) {
      this.tables = parts.tables;
      this.filesByKind = parts.filesByKind;
      this.memo = parts.memo;
      return;
    }
    const filesByKind = new Map<string, Map<KindKey, Resource[]>>();
    for (const [uri, list] of groupBy(resources, (r) => r.uri)) filesByKind.set(uri, byKindOf(list));
    const entries = new Map<KindKey, KindEntry[]>();
    for (const [uri, kinds] of filesByKind) {
      for (const [kind, list] of kinds) {
        const forKind = entries.get(kind);
        if (forKind) forKind.push({ uri, resources: list });
        else entries.set(kind, [{ uri, resources: list }]);
      }
    }
    this.tables = new Map([...entries].map(([kind, list]) => [kind, new KindTable(list)]));
    this.filesByKind = filesByKind;
    this.memo = new Map();
  }

  /**
   * The index after files changed (`undefined`: the file was removed). `position` orders files as the
   * workspace does. Kinds whose objects are the same (by identity) keep their tables and derived values.
   */
  withFiles(changes: ReadonlyMap<string, readonly Resource[] | undefined>, position: (uri: string) => number): WorkspaceIndex {
    const tables = new Map(this.tables);
    const filesByKind = new Map(this.filesByKind);
    const changedKinds = new Set<KindKey>();
    for (const [uri, resources] of changes) {
      const before = this.filesByKind.get(uri) ?? new Map<KindKey, readonly Resource[]>();
      const after = byKindOf(resources ?? []);
      for (const kind of new Set([...before.keys(), ...after.keys()])) {
        const list = after.get(kind);
        if (sameList(before.get(kind), list)) continue;
        changedKinds.add(kind);
        const table = (tables.get(kind) ?? new KindTable([])).with(uri, list, position);
        if (table.entries.length) tables.set(kind, table);
        else tables.delete(kind);
      }
      if (resources) filesByKind.set(uri, after);
      else filesByKind.delete(uri);
    }
    const memo = new Map<string, Memo>();
    for (const [name, entry] of this.memo) if (![...entry.kinds].some((k) => changedKinds.has(k))) memo.set(name, entry);
    return new WorkspaceIndex([], { tables, filesByKind, memo });
  }

  /** A view that records what it reads into `deps` (or records nothing). */
  view(deps?: Set<DependencyKey>): IndexView {
    return new IndexView(this, deps);
  }

  /** @internal */ rawAll(kind: KindKey): readonly Resource[] {
    return this.tables.get(kind)?.all() ?? EMPTY;
  }

  /** @internal */ rawInNamespace(kind: KindKey, namespace: string): readonly Resource[] {
    return this.tables.get(kind)?.inNamespace(namespace) ?? EMPTY;
  }

  /** @internal */ rawNamed(kind: KindKey, namespace: string, name: string): readonly Resource[] {
    return this.tables.get(kind)?.named(namespace, name) ?? EMPTY;
  }

  /**
   * @internal A value built once per index from some kinds. The kinds the build reads are recorded
   * (beside the declared ones), so the value is carried to the next index only when none changed.
   */
  memoized<T>(name: string, kinds: readonly KindKey[], build: (view: IndexView) => T): T {
    let entry = this.memo.get(name);
    if (!entry) {
      const read = new Set<DependencyKey>();
      const value = build(this.view(read));
      entry = { kinds: new Set([...kinds, ...[...read].map(kindOfDependency)]), value };
      this.memo.set(name, entry);
    }
    return entry.value as T;
  }

  kinds(): KindKey[] {
    return [...this.tables.keys()];
  }
}

/** Read access to the index; every read records the kinds it depended on. */
export class IndexView {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly deps?: Set<DependencyKey>,
  ) {}

  /** Records that the reader depends on these keys (readers of derived tables record what they look up). */
  dependOn(keys: readonly DependencyKey[]): void {
    if (this.deps) for (const k of keys) this.deps.add(k);
  }

  /** Every object of a kind, in workspace order (files in index order, documents in file order). */
  all(kind: KindKey): readonly Resource[] {
    this.dependOn([kindDependency(kind)]);
    return this.index.rawAll(kind);
  }

  inNamespace(kind: KindKey, namespace: string): readonly Resource[] {
    this.dependOn([namespaceDependency(kind, namespace)]);
    return this.index.rawInNamespace(kind, namespace);
  }

  /** The first object with this identity (duplicates are reported by their own analyzer). */
  get(kind: KindKey, namespace: string, name: string): Resource | undefined {
    this.dependOn([nameDependency(kind, namespace, name)]);
    return this.index.rawNamed(kind, namespace, name)[0];
  }

  /** Every object with this identity. */
  named(kind: KindKey, namespace: string, name: string): readonly Resource[] {
    this.dependOn([nameDependency(kind, namespace, name)]);
    return this.index.rawNamed(kind, namespace, name);
  }

  /** Whether the workspace holds any object of the kind: references into an absent kind are not errors. */
  has(kind: KindKey): boolean {
    this.dependOn([presenceDependency(kind)]);
    return this.index.rawAll(kind).length > 0;
  }

  /**
   * A value computed once per index from the given kinds (a host table, a selector index, …). The
   * reader depends on those kinds, or only on `keys` when given: a reader that looks up one host in a
   * table of every host passes the keys of that host (see dependency-keys.ts).
   */
  derived<T>(name: string, kinds: readonly KindKey[], build: (view: IndexView) => T, keys?: readonly DependencyKey[]): T {
    this.dependOn(keys ?? kinds.map(kindDependency));
    return this.index.memoized(name, kinds, build);
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
