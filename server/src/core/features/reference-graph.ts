// The reference table read backwards: which sites of the workspace name a given target. Built per
// workspace index and per target kind, so "find references" on a subset resolves
// only subset sites, not every host and selector of the workspace.
import { type KindKey } from '../index/kind-key';
import { REFERENCE_RULES, referenceSites, resolveSite, type ReferenceSite, type Target } from '../index/references';
import { keyOf, type WorkspaceIndex } from '../index/workspace-index';
import { sameTarget } from './reference-places';

export interface ResolvedSite {
  readonly site: ReferenceSite;
  readonly targets: readonly Target[];
}

/**
 * Every site of the workspace that can name an object of `kind`, with what it resolves to. Kept with
 * the index as a derived table, so the next index reuses it when no kind it read has changed.
 */
export function sitesNaming(index: WorkspaceIndex, kind: KindKey): readonly ResolvedSite[] {
  const rules = new Set(REFERENCE_RULES.filter((r) => r.to.includes(kind)));
  const fromKinds = [...new Set([...rules].map((r) => r.from))];
  return index.view().derived(`sites-naming\u0000${kind}`, fromKinds, (view) => {
    const out: ResolvedSite[] = [];
    for (const from of fromKinds) {
      for (const resource of view.all(from)) {
        for (const site of referenceSites(resource)) {
          if (!rules.has(site.rule)) continue;
          const targets = resolveSite(site, view).targets;
          if (targets.length) out.push({ site, targets });
        }
      }
    }
    return out;
  });
}

/** The sites that name a target. */
export function sitesReferencing(index: WorkspaceIndex, target: Target): ResolvedSite[] {
  return sitesNaming(index, keyOf(target.resource)).filter((s) => s.targets.some((t) => sameTarget(t, target)));
}
