// A DestinationRule subset that no route uses, while VirtualServices in the workspace do route to its
// host: most likely left over from a finished rollout (or the route has a typo).
import { toFqdn } from '../../index/hosts';
import { referenceSites, resolveSite } from '../../index/references';
import { destinationRulesFor, subsetsOf } from '../../index/resolve-destination';
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

function buildUsage(view: IndexView): Map<Resource, Usage> {
  const out = new Map<Resource, Usage>();
  const usage = (dr: Resource): Usage => {
    let u = out.get(dr);
    if (!u) out.set(dr, (u = { routes: [], used: new Set() }));
    return u;
  };
  for (const vs of view.all('VirtualService')) {
    for (const site of referenceSites(vs)) {
      if (site.rule.type === 'host') {
        for (const { rule } of destinationRulesFor(view, vs.namespace, site.value)) usage(rule).routes.push({ vs, path: site.path });
      } else if (site.rule.type === 'subset') {
        for (const target of resolveSite(site, view).targets) usage(target.resource).used.add(target.path.join('.'));
      }
    }
  }
  return out;
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
    const usage = ctx.index.derived('iy911-subset-usage', ['VirtualService', 'DestinationRule'], buildUsage).get(ctx.resource);
    // Only when routes do pick subsets of this rule: a rule none of whose subsets is named yet (subsets
    // prepared for a later rollout, as in Istio's bookinfo sample) says nothing about any one of them.
    if (!usage || !usage.routes.length || !usage.used.size) return;
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
