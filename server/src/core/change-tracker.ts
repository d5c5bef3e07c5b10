// What changed in the workspace, and when: every change of an object is a new workspace version, and
// the dependency keys it touched (dependency-keys.ts) are recorded with it. Cached cross-resource
// findings are valid while no key they read changed after they were computed; `affectedBy` asks which
// keys changed since a version, and the findings cache says who read them.
import { type DependencyKey, dependencyKeysOf, presenceDependency } from './index/dependency-keys';
import type { KindKey } from './index/kind-key';
import { keyOf } from './index/workspace-index';
import type { Resource } from './model/resource';

/** A pseudo dependency key: the workspace went from holding no Istio configuration to holding some, or back. */
export const ISTIO_PRESENCE: DependencyKey = '\u0000istio';

/** Changes kept in the log; asking about older ones reads `lastChange` instead. */
const MAX_CHANGE_LOG = 4096;

export class ChangeTracker {
  /** The workspace version: raised by every change of an object. */
  private version = 0;
  /** For every dependency key, the version at which an object touching it last changed (values only rise). */
  private readonly lastChange = new Map<DependencyKey, number>();
  /** The keys each recent change touched, oldest first, so asking about recent changes reads only those. */
  private changeLog: { readonly seq: number; readonly keys: readonly DependencyKey[] }[] = [];
  /** The log has no changes up to this version (older entries were dropped). */
  private changeLogFrom = 0;
  /** For every file, the version just before its last change. */
  private readonly fileChangedAfter = new Map<string, number>();
  /** The objects in the workspace now (readers cached by older snapshots may have left since). */
  private readonly live = new WeakSet<Resource>();
  /** Files holding Istio configuration, to notice the workspace gaining its first or losing its last. */
  private readonly istioFiles = new Set<string>();
  /** Objects per kind, to notice a kind gaining its first object or losing its last. */
  private readonly counts = new Map<KindKey, number>();

  get seq(): number {
    return this.version;
  }

  /**
   * Records that objects left or joined the workspace through a change of one file (`istio`: the file
   * now holds Istio configuration). False when nothing that analysis reads changed.
   */
  record(uri: string, removed: readonly Resource[], added: readonly Resource[], istio: boolean): boolean {
    const istioBefore = this.istioFiles.size > 0;
    if (istio) this.istioFiles.add(uri);
    else this.istioFiles.delete(uri);
    const istioChanged = istioBefore !== this.istioFiles.size > 0;
    if (!removed.length && !added.length && !istioChanged) return false;
    this.fileChangedAfter.set(uri, this.version);
    const seq = ++this.version;
    for (const r of removed) this.live.delete(r);
    for (const r of added) this.live.add(r);
    const countsBefore = new Map<KindKey, number>();
    const keys: DependencyKey[] = istioChanged ? [ISTIO_PRESENCE] : [];
    for (const [resources, step] of [[removed, -1], [added, 1]] as const) {
      for (const r of resources) {
        keys.push(...dependencyKeysOf(r));
        const kind = keyOf(r);
        const count = this.counts.get(kind) ?? 0;
        if (!countsBefore.has(kind)) countsBefore.set(kind, count);
        this.counts.set(kind, count + step);
      }
    }
    for (const [kind, before] of countsBefore) if ((before > 0) !== ((this.counts.get(kind) ?? 0) > 0)) keys.push(presenceDependency(kind));
    for (const key of keys) this.lastChange.set(key, seq);
    this.changeLog.push({ seq, keys });
    if (this.changeLog.length > MAX_CHANGE_LOG) {
      this.changeLogFrom = this.changeLog[MAX_CHANGE_LOG / 2 - 1].seq;
      this.changeLog = this.changeLog.slice(MAX_CHANGE_LOG / 2);
    }
    return true;
  }

  /** The version at which an object touching the key last changed (0: never). */
  changedAt(key: DependencyKey): number {
    return this.lastChange.get(key) ?? 0;
  }

  /** The version just before the file's last change (the current version if it never changed). */
  fileChangedSince(uri: string): number {
    return this.fileChangedAfter.get(uri) ?? this.version;
  }

  /** The keys touched by changes after version `from`. */
  changedSince(from: number): Set<DependencyKey> {
    const out = new Set<DependencyKey>();
    if (from < this.changeLogFrom) {
      for (const [key, seq] of this.lastChange) if (seq > from) out.add(key);
      return out;
    }
    for (let i = this.changeLog.length - 1; i >= 0 && this.changeLog[i].seq > from; i--) for (const key of this.changeLog[i].keys) out.add(key);
    return out;
  }

  /** Whether an object is in the workspace now. */
  isLive(resource: Resource): boolean {
    return this.live.has(resource);
  }
}
