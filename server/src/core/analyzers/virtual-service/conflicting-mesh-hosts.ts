// Two mesh VirtualServices for the same host, visible in the same namespace: sidecars get one virtual
// host per name, so only one of them takes effect, and which one is not defined.
import { hostsMatch, toFqdn } from '../../index/hosts';
import type { IndexView } from '../../index/workspace-index';
import type { Resource } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';
import { appliesToMesh, listText, qualifiedName, specOf, stringList, virtualServiceHosts } from '../routing';

interface HostClaim {
  readonly vs: Resource;
  readonly hostIndex: number;
  readonly host: string;
  readonly fqdn: string;
  readonly scope: string;
}

interface Conflict {
  readonly own: HostClaim;
  /** Every claim of the conflict, the own one included (shared by all members: thousands of
   * VirtualServices may claim one host, and copying the list per member would be quadratic). */
  readonly members: readonly HostClaim[];
  /** How many distinct VirtualServices take part. */
  readonly distinct: number;
  /** Where they clash: `*` or a namespace. */
  readonly scope: string;
}

/** Namespaces a VirtualService is exported to: `*` when unrestricted, else the listed ones (`.` is its own). */
function scopesOf(vs: Resource): string[] {
  const exportTo = stringList(specOf(vs).exportTo);
  if (!exportTo.length || exportTo.includes('*')) return ['*'];
  return [...new Set(exportTo.filter((e) => e !== '~').map((e) => (e === '.' ? vs.namespace : e)))];
}

/**
 * istioctl's scoped-host index (IST0109): claims keyed by `scope/fqdn`; in a namespace scope, claims
 * exported everywhere join when their host matches wildcard-aware; in the `*` scope only identical names
 * conflict. Each VirtualService keeps its first conflict.
 */
function buildConflicts(view: IndexView): Map<Resource, Conflict> {
  const byKey = new Map<string, HostClaim[]>();
  const everywhere: HostClaim[] = [];
  for (const vs of view.all('VirtualService')) {
    if (!appliesToMesh(vs)) continue;
    for (const { host, index } of virtualServiceHosts(vs)) {
      const fqdn = toFqdn(vs.namespace, host);
      for (const scope of scopesOf(vs)) {
        const claim: HostClaim = { vs, hostIndex: index, host, fqdn, scope };
        const key = `${scope}/${fqdn}`;
        const list = byKey.get(key);
        if (list) list.push(claim);
        else byKey.set(key, [claim]);
        if (scope === '*') everywhere.push(claim);
      }
    }
  }
  const conflicts = new Map<Resource, Conflict>();
  for (const claims of byKey.values()) {
    const { scope, fqdn } = claims[0];
    const members = scope === '*' ? claims : [...claims, ...everywhere.filter((c) => hostsMatch(c.fqdn, fqdn))];
    // A host listed twice in one VirtualService is an admission error (IY103), not a conflict between two.
    const distinct = new Set(members.map((m) => m.vs)).size;
    if (distinct < 2) continue;
    for (const own of members) {
      if (conflicts.has(own.vs)) continue;
      conflicts.set(own.vs, { own, members, distinct, scope });
    }
  }
  return conflicts;
}

export const conflictingMeshHosts = defineWorkspaceAnalyzer(
  {
    code: 'IY908',
    name: 'conflicting-mesh-hosts',
    severity: 'error',
    category: 'workspace',
    inputs: ['VirtualService'],
    summary: 'Two VirtualServices for sidecars (the mesh gateway) declare the same host in the same namespace scope.',
    istioctl: 'IST0109',
    docs: `## Why
Sidecars build one virtual host per host name from the VirtualServices bound to \`mesh\` (no \`gateways\`,
or \`mesh\` among them) that are visible in their namespace. When two such VirtualServices claim the
same host, only one of them is used and which one is not defined, so routes appear and disappear as
the configuration changes. Scopes follow \`exportTo\` (all namespaces when unset or \`*\`, else the listed
namespaces with \`.\` for the VirtualService's own); short hosts are expanded in each VirtualService's
namespace. Within one namespace scope a wildcard host exported everywhere (\`*.example.com\`) also
conflicts with a matching name (\`api.example.com\`); between two VirtualServices exported everywhere only
identical names conflict, as istioctl reports it (IST0109). Gateway-only VirtualServices never conflict
here: gateways merge VirtualServices by host.

## Example
\`\`\`yaml
kind: VirtualService
metadata: { name: reviews, namespace: bookinfo }
spec:
  hosts: [reviews]
---
kind: VirtualService
metadata: { name: reviews-canary, namespace: bookinfo }
spec:
  hosts: [reviews.bookinfo.svc.cluster.local]   # the same host
\`\`\``,
  },
  (ctx) => {
    const conflict = ctx.index.derived('iy908-mesh-host-conflicts', ['VirtualService'], buildConflicts).get(ctx.resource);
    if (!conflict) return;
    const { own, members, distinct, scope } = conflict;
    // Name (and link) at most a handful of the others; the count says how many there are.
    const others: HostClaim[] = [];
    for (const m of members) {
      if (m.vs !== own.vs && !others.some((o) => o.vs === m.vs)) others.push(m);
      if (others.length === 10) break;
    }
    const shownNames = [...new Set(others.map((o) => qualifiedName(o.vs)))].sort().slice(0, 5);
    const rest = distinct - 1 - shownNames.length;
    const names = rest > 0 ? `${shownNames.join(', ')} and ${rest} more` : listText(shownNames);
    const where = scope === '*' ? 'in every namespace' : `in namespace '${scope}'`;
    const shown = own.fqdn !== own.host ? `'${own.host}' (${own.fqdn})` : `'${own.host}'`;
    ctx.report({
      path: ['spec', 'hosts', own.hostIndex],
      message: `host ${shown} is also declared for sidecars by VirtualService ${names} ${where}: only one of them applies; merge them into one VirtualService`,
      related: others.map((o) => ({ resource: o.vs, path: ['spec', 'hosts', o.hostIndex], message: `host '${o.host}' of VirtualService ${qualifiedName(o.vs)}` })),
    });
  },
);
