// A gateway VirtualService that routes to a host without a subset, while another VirtualService for
// that host splits its traffic by subset: routes are not chained, so the split does not apply to this
// traffic.
import { expandPattern } from '../../index/field-paths';
import { toFqdn } from '../../index/hosts';
import type { IndexView } from '../../index/workspace-index';
import { isObject, type Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';
import { listText, qualifiedName, specOf, stringList, virtualServiceHosts } from '../routing';

interface HttpDestination {
  readonly path: FieldPath;
  readonly host: string;
  readonly fqdn: string;
  readonly subset?: string;
}

function httpDestinations(vs: Resource): HttpDestination[] {
  return expandPattern(vs.value, 'spec.http[*].route[*].destination').flatMap(({ path, value }) => {
    if (!isObject(value) || typeof value.host !== 'string' || !value.host) return [];
    const subset = typeof value.subset === 'string' && value.subset ? value.subset : undefined;
    return [{ path: [...path, 'host'], host: value.host, fqdn: toFqdn(vs.namespace, value.host), subset }];
  });
}

interface SubsetRouting {
  readonly vs: Resource;
  readonly destination: HttpDestination;
}

/** FQDN → VirtualServices for that host which route it to subsets (istioctl's set for IST0140). */
function buildSubsetRouting(view: IndexView): Map<string, SubsetRouting[]> {
  const out = new Map<string, SubsetRouting[]>();
  for (const vs of view.all('VirtualService')) {
    const own = new Set(virtualServiceHosts(vs).map((h) => toFqdn(vs.namespace, h.host)));
    const seen = new Set<string>();
    for (const destination of httpDestinations(vs)) {
      if (!destination.subset || !own.has(destination.fqdn) || seen.has(destination.fqdn)) continue;
      seen.add(destination.fqdn);
      const list = out.get(destination.fqdn);
      if (list) list.push({ vs, destination });
      else out.set(destination.fqdn, [{ vs, destination }]);
    }
  }
  return out;
}

export const ingressBypassesSubsetRouting = defineWorkspaceAnalyzer(
  {
    code: 'IY909',
    name: 'ingress-bypasses-subset-routing',
    severity: 'warning',
    category: 'workspace',
    inputs: ['VirtualService'],
    summary: 'A gateway VirtualService routes to a host without a subset while another VirtualService splits that host by subset.',
    istioctl: 'IST0140',
    docs: `## Why
Envoy applies one VirtualService per request: the one for the host the request was sent to. A gateway
VirtualService for \`shop.example.com\` that routes to \`reviews\` sends the traffic straight to the
\`reviews\` endpoints; the VirtualService for \`reviews\` that splits traffic between subsets \`v1\` and \`v2\`
is never consulted for it. So ingress traffic reaches every version, whatever the split says.
Checked for VirtualServices bound to gateways, for HTTP routes, as istioctl does (IST0140); hosts are
compared after expanding short names in each VirtualService's namespace.

## Example
\`\`\`yaml
kind: VirtualService
metadata: { name: shop }
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/public]
  http:
  - route:
    - destination:
        host: reviews          # no subset: bypasses the split below
---
kind: VirtualService
metadata: { name: reviews }
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 90
    - destination: {host: reviews, subset: v2}
      weight: 10
\`\`\`

Route the gateway traffic to subsets as well (with the same weights), or delegate.`,
  },
  (ctx) => {
    if (!stringList(specOf(ctx.resource).gateways).length) return;
    const routing = ctx.index.derived('iy909-subset-routing', ['VirtualService'], buildSubsetRouting);
    for (const destination of httpDestinations(ctx.resource)) {
      if (destination.subset) continue;
      const splits = (routing.get(destination.fqdn) ?? []).filter((r) => r.vs !== ctx.resource);
      if (!splits.length) continue;
      ctx.report({
        path: destination.path,
        message: `traffic routed to '${destination.host}' without a subset bypasses the subset routing of VirtualService ${listText(splits.map((s) => qualifiedName(s.vs)))} for ${destination.fqdn}: routes are not chained`,
        related: splits.map((s) => ({ resource: s.vs, path: s.destination.path, message: `routes ${destination.fqdn} to subset '${s.destination.subset}'` })),
      });
    }
  },
);
