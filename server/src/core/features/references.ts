// Find references and document highlights: from a definition (a subset's name, a Gateway's name, a
// Service, a ServiceEntry host, a port, a workload's labels) or from any site that names it, every
// site of the workspace that resolves to the same target.
import { resolveSite, type Target } from '../index/references';
import type { DocumentHighlight, Location, Position } from '../types';
import { sitesReferencing } from './reference-graph';
import { declarationAt, type NavigationHost, siteAt, siteLocation, spotAt, targetLocation, uniqueLocations } from './reference-places';

/** What the cursor stands for: the targets of the site under it, or the definition under it. */
export function targetsAtCursor(host: NavigationHost, uri: string, position: Position): readonly Target[] {
  const file = host.file(uri);
  const spot = file && spotAt(file, position);
  if (!spot) return [];
  const site = siteAt(spot);
  if (site) return resolveSite(site, host.index().view()).targets;
  const declaration = declarationAt(spot);
  return declaration ? [declaration] : [];
}

interface Found {
  readonly declarations: Location[];
  readonly references: Location[];
}

function find(host: NavigationHost, uri: string, position: Position): Found {
  const targets = targetsAtCursor(host, uri, position);
  const index = host.index();
  return {
    declarations: uniqueLocations(targets.map((t) => targetLocation(host, t))),
    references: uniqueLocations(targets.flatMap((t) => sitesReferencing(index, t).map((s) => siteLocation(host, s.site)))),
  };
}

export function references(host: NavigationHost, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const { declarations, references: refs } = find(host, uri, position);
  return uniqueLocations(includeDeclaration ? [...declarations, ...refs] : refs);
}

/** The definition and the references that lie in the cursor's own file. */
export function documentHighlights(host: NavigationHost, uri: string, position: Position): DocumentHighlight[] {
  const { declarations, references: refs } = find(host, uri, position);
  const here = (l: Location) => l.uri === uri;
  return [...declarations.filter(here).map((l) => ({ range: l.range, kind: 'write' as const })), ...refs.filter(here).map((l) => ({ range: l.range, kind: 'read' as const }))];
}
