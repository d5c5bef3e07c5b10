// Two DestinationRules of one namespace for the same host whose settings collide: istiod merges them
// in creation order, so which traffic policy or subset definition wins depends on apply order.
import { resolveExportTo } from '../../index/host-table';
import { facetDependency, hostFacet } from '../../index/dependency-keys';
import { toFqdn } from '../../index/hosts';
import { subsetsOf } from '../../index/resolve-destination';
import type { IndexView } from '../../index/workspace-index';
import { isObject, type Resource } from '../../model/resource';
import { defineWorkspaceAnalyzer, type RelatedReport } from '../framework';
import { listText, qualifiedName, specOf, stringList } from '../routing';

function exportKey(dr: Resource): string {
  const exportTo = resolveExportTo(stringList(specOf(dr).exportTo), dr.namespace);
  return exportTo === '*' ? '*' : [...new Set(exportTo)].sort().join(',');
}

/** DestinationRules by `namespace\0fqdn` of their host. */
function rulesByHost(view: IndexView): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (const dr of view.all('DestinationRule')) {
    const host = specOf(dr).host;
    if (typeof host !== 'string' || !host) continue;
    const key = `${dr.namespace}\u0000${toFqdn(dr.namespace, host)}`;
    const list = out.get(key);
    if (list) list.push(dr);
    else out.set(key, [dr]);
  }
  return out;
}

export const duplicateDestinationRuleHost = defineWorkspaceAnalyzer(
  {
    code: 'IY912',
    name: 'duplicate-destination-rule-host',
    severity: 'warning',
    category: 'workspace',
    inputs: ['DestinationRule'],
    summary: 'Two DestinationRules in one namespace for the same host both set a traffic policy or define the same subset.',
    docs: `## Why
istiod merges DestinationRules of one namespace that have the same host (and no \`workloadSelector\`, and
the same \`exportTo\`) in creation order: subsets are concatenated, a subset name defined twice keeps the
older definition, and the top-level \`trafficPolicy\` of the older rule wins (a newer rule's is used only
when the older has none). Files carry no creation time, so when both rules set a \`trafficPolicy\`, or
both define a subset of the same name, the effective settings depend on the order the rules were
applied in. Rules that only add different subsets merge cleanly and are not reported; DestinationRules
in different namespaces do not merge (the client's namespace, then the host's, then the root namespace
are searched) and are not reported either.

## Example
\`\`\`yaml
kind: DestinationRule
metadata: { name: reviews, namespace: bookinfo }
spec:
  host: reviews
  trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
---
kind: DestinationRule
metadata: { name: reviews-tls, namespace: bookinfo }
spec:
  host: reviews.bookinfo.svc.cluster.local     # the same host
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}    # only one of the two policies applies
\`\`\`

Merge the two into one DestinationRule.`,
  },
  (ctx) => {
    const own = specOf(ctx.resource);
    if (typeof own.host !== 'string' || !own.host || own.workloadSelector !== undefined) return;
    const fqdn = toFqdn(ctx.resource.namespace, own.host);
    const ownExport = exportKey(ctx.resource);
    const ownSubsets = new Set(subsetsOf(ctx.resource).map((s) => s.name));
    const ownPolicy = isObject(own.trafficPolicy);
    const clashes: string[] = [];
    const related: RelatedReport[] = [];
    // Only the rules of this host matter (see dependency-keys.ts).
    const keys = [facetDependency('DestinationRule', 'host', hostFacet(ctx.resource.namespace, own.host))];
    const sameHost = ctx.index.derived('iy912-rules-by-host', ['DestinationRule'], rulesByHost, keys).get(`${ctx.resource.namespace}\u0000${fqdn}`) ?? [];
    for (const other of sameHost) {
      if (other === ctx.resource) continue;
      const spec = specOf(other);
      if (spec.workloadSelector !== undefined || exportKey(other) !== ownExport) continue;
      const reasons: string[] = [];
      if (ownPolicy && isObject(spec.trafficPolicy)) reasons.push('both set a trafficPolicy, and only the older one applies');
      const shared = subsetsOf(other).filter((s) => ownSubsets.has(s.name)).map((s) => `'${s.name}'`);
      if (shared.length) reasons.push(`both define subset${shared.length > 1 ? 's' : ''} ${listText(shared)}, and only the older definition applies`);
      if (!reasons.length) continue;
      clashes.push(`DestinationRule ${qualifiedName(other)} (${reasons.join('; ')})`);
      related.push({ resource: other, path: ['spec', 'host'], message: `DestinationRule ${qualifiedName(other)} for ${fqdn}` });
    }
    if (!clashes.length) return;
    ctx.report({
      path: ['spec', 'host'],
      message: `host ${fqdn} also has ${listText(clashes, 3)}: istiod merges DestinationRules of one namespace in creation order; merge them into one`,
      related,
    });
  },
);
