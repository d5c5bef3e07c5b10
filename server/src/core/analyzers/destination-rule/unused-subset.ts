// A DestinationRule subset that no route uses, while VirtualServices in the workspace do route to its
// host: most likely left over from a finished rollout (or the route has a typo).
import { facetDependency, hostFacet, WILDCARD_FACET } from '../../index/dependency-keys';
import { toFqdn } from '../../index/hosts';
import { referenceSites, type ReferenceSite, resolveSite } from '../../index/references';
import { destinationRulesFor, siblingHost, subsetsOf } from '../../index/resolve-destination';
import type { IndexView } from '../../index/workspace-index';
import type { Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';
import { listText, qualifiedName, specOf } from '../routing';

interface Usage {
  /** VirtualService destinations (route or mirror hosts) whose host this DestinationRule covers. */
  readonly routes: { vs: Resource; path: FieldPath }[];
  /** Paths (`spec.subsets[i].name`) of the subsets some destination names. */
  readonly used: Set<string>;
}

/**
 * Host and subset sites of every VirtualService, by the host they send to (its dependency facet,
 * wildcards together). Built from VirtualServices alone, so an edit of a DestinationRule keeps it.
 */
function sitesByHost(view: IndexView): Map<string, ReferenceSite[]> {
  const out = new Map<string, ReferenceSite[]>();
  for (const vs of view.all('VirtualService')) {
    for (const site of referenceSites(vs)) {
      const host = site.rule.type === 'host' ? site.value : site.rule.type === 'subset' ? siblingHost(site) : undefined;
      if (host === undefined) continue;
      const key = hostFacet(vs.namespace, host);
      const list = out.get(key);
      if (list) list.push(site);
      else out.set(key, [site]);
    }
  }
  return out;
}

/**
 * The routes to a rule's host and the subsets they name, resolved as everywhere else. A rule for one
 * host is reached only from destinations of that host (routes elsewhere do not touch its findings); a
 * wildcard rule may be reached from any.
 */
function usageOf(view: IndexView, dr: Resource): Usage {
  const written = specOf(dr).host;
  const facet = typeof written === 'string' && written ? hostFacet(dr.namespace, written) : WILDCARD_FACET;
  const keys = facet === WILDCARD_FACET ? undefined : [facetDependency('VirtualService', 'destination', facet)];
  const table = view.derived('iy911-destination-sites', ['VirtualService'], sitesByHost, keys);
  const sites = facet === WILDCARD_FACET ? [...table.values()].flat() : (table.get(facet) ?? []);
  const usage: Usage = { routes: [], used: new Set() };
  for (const site of sites) {
    if (site.rule.type === 'host') {
      if (destinationRulesFor(view, site.resource.namespace, site.value).some((d) => d.rule === dr)) usage.routes.push({ vs: site.resource, path: site.path });
    } else {
      for (const target of resolveSite(site, view).targets) if (target.resource === dr) usage.used.add(target.path.join('.'));
    }
  }
  return usage;
}

export const unusedSubset = defineWorkspaceAnalyzer(
  {
    code: 'IY911',
    name: 'unused-subset',
    severity: 'information',
    category: 'workspace',
    inputs: ['DestinationRule'],
    summary: 'A DestinationRule subset is named by no route, although routes in the workspace name other subsets of the same rule.',
    docs: `## Why
Subsets exist to be named by \`destination.subset\` in VirtualService routes and mirrors. A subset that
no route names builds an Envoy cluster nobody sends to; usually it is left over from a finished
rollout, or the route that should use it has a typo. The check runs only when VirtualServices in the
workspace route to the DestinationRule's host *and* name at least one other of its subsets: without
routes, the routing is defined elsewhere; with routes that name no subset at all, the subsets are
probably prepared for a later rollout (as in Istio's bookinfo sample) and none of them stands out. Destinations count as istiod resolves them (short names in the
VirtualService's namespace, wildcard DestinationRule hosts, \`exportTo\`). Subsets can also be used from
outside Istio's routing (an EnvoyFilter naming the cluster, for instance), so this is information.

## Example
\`\`\`yaml
kind: DestinationRule
metadata: { name: reviews }
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2                 # no VirtualService routes to subset v2 any more
    labels: {version: v2}
\`\`\``,
  },
  (ctx) => {
    const usage = usageOf(ctx.index, ctx.resource);
    // Only when routes do pick subsets of this rule: a rule none of whose subsets is named yet (subsets
    // prepared for a later rollout, as in Istio's bookinfo sample) says nothing about any one of them.
    if (!usage.routes.length || !usage.used.size) return;
    const host = specOf(ctx.resource).host;
    const fqdn = typeof host === 'string' ? toFqdn(ctx.resource.namespace, host) : '';
    const routing = [...new Set(usage.routes.map((r) => qualifiedName(r.vs)))].sort();
    for (const subset of subsetsOf(ctx.resource)) {
      if (usage.used.has([...subset.path, 'name'].join('.'))) continue;
      ctx.report({
        path: [...subset.path, 'name'],
        message: `subset '${subset.name}' is not used: VirtualService${routing.length > 1 ? 's' : ''} ${listText(routing)} route${routing.length > 1 ? '' : 's'} to ${fqdn} but never name${routing.length > 1 ? '' : 's'} this subset`,
        tags: ['unnecessary'],
        related: usage.routes.slice(0, 5).map((r) => ({ resource: r.vs, path: r.path, message: `route to ${fqdn} in VirtualService ${qualifiedName(r.vs)}` })),
      });
    }
  },
);
