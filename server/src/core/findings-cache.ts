// The analysis caches a Workspace shares with its snapshots. Findings are keyed by parsed document
// (documents are reused across edits). Cross-resource findings also remember what they read, and the
// cache keeps the reverse (who read each dependency key), so the files an edit affects are found
// from the keys it touched without visiting every object of the workspace.
import type { Finding } from './analyzers/run';
import type { DependencyKey } from './index/dependency-keys';
import type { Resource } from './model/resource';
import type { ParsedDoc } from './yaml/parse';

/** Cross-resource findings of one document, what they read, and the workspace version they were computed at. */
export interface WorkspaceFindings {
  readonly deps: readonly DependencyKey[];
  /** The kinds of `deps` (each is also a key: any change of an object touches its kind's). */
  readonly kinds: readonly DependencyKey[];
  readonly seq: number;
  readonly findings: readonly Finding[];
}

export class FindingsCache {
  /** Single-resource findings: documents are reused across edits, so unchanged ones are not re-analysed. */
  readonly resource = new WeakMap<ParsedDoc, Finding[]>();
  private readonly workspace = new WeakMap<ParsedDoc, WorkspaceFindings>();
  /** For every key, the objects whose cached cross-resource findings read it. */
  private readonly readers = new Map<DependencyKey, Set<Resource>>();

  workspaceFindings(resource: Resource): WorkspaceFindings | undefined {
    return this.workspace.get(resource.parsed);
  }

  storeWorkspaceFindings(resource: Resource, entry: WorkspaceFindings): void {
    this.unlink(resource);
    this.workspace.set(resource.parsed, entry);
    for (const key of entry.deps) {
      const set = this.readers.get(key);
      if (set) set.add(resource);
      else this.readers.set(key, new Set([resource]));
    }
  }

  /** Drops what is known about an object that left the workspace. */
  forget(resource: Resource): void {
    this.unlink(resource);
    this.workspace.delete(resource.parsed);
  }

  /** The objects whose cached findings read any of the keys. */
  readersOf(keys: Iterable<DependencyKey>): Set<Resource> {
    const out = new Set<Resource>();
    for (const key of keys) for (const r of this.readers.get(key) ?? []) out.add(r);
    return out;
  }

  private unlink(resource: Resource): void {
    const previous = this.workspace.get(resource.parsed);
    if (!previous) return;
    for (const key of previous.deps) {
      const set = this.readers.get(key);
      if (!set) continue;
      set.delete(resource);
      if (!set.size) this.readers.delete(key);
    }
  }
}
