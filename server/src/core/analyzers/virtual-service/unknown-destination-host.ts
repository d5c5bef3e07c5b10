// A route or mirror destination whose host is no Service or ServiceEntry the VirtualService can see:
// the cluster it names does not exist, so the requests fail (503, no cluster) or are not mirrored.
import { lookupHost, resolveExportTo } from '../../index/host-table';
import { toFqdn } from '../../index/hosts';
import { referenceSites, resolveSite } from '../../index/references';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix, type WorkspaceContext } from '../framework';
import { reportUnresolved, unresolvedSites } from '../reference-findings';
import { describeEntry, hostEntriesIgnoringVisibility, listText, specOf, stringList, suggestHost } from '../routing';

function exportTargets(ctx: WorkspaceContext): readonly string[] | '*' {
  return resolveExportTo(stringList(specOf(ctx.resource).exportTo), ctx.resource.namespace);
}

export const unknownDestinationHost = defineWorkspaceAnalyzer(
  {
    code: 'IY902',
    name: 'unknown-destination-host',
    severity: 'error',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'A route or mirror destination host is no Service or ServiceEntry visible to the VirtualService.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A destination \`host\` names a service in Istio's registry: a Kubernetes Service or a ServiceEntry host.
Hosts resolve as istiod resolves them: a short name (\`reviews\`) expands in the VirtualService's
namespace (\`reviews.<namespace>.svc.cluster.local\`); a name with a dot is taken literally, so
\`reviews.prod\` is *not* the Service \`reviews\` in \`prod\`; a wildcard ServiceEntry host covers the names
under it; and the Service or ServiceEntry must be exported to the VirtualService's namespace
(\`networking.istio.io/exportTo\` annotation, \`exportTo\`). A destination that resolves to nothing has no
cluster: requests get 503 (no cluster), mirrored traffic goes nowhere.

A VirtualService with its own \`exportTo\` applies only in those namespaces; when none of them can see
the host, the route is broken wherever the VirtualService applies, and that is reported too.

When the workspace holds no Service and no ServiceEntry at all, the host probably lives elsewhere and
the finding is information (setting \`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: VirtualService
metadata: { name: reviews, namespace: bookinfo }
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviewz      # no Service reviews.bookinfo.svc.cluster.local … did you mean reviews?
\`\`\`

## Fix
Change the host to the closest existing one, written as the VirtualService should write it (the short
name for a Service of its own namespace, else the full name).`,
  },
  (ctx) => {
    const namespace = ctx.resource.namespace;
    for (const unresolved of unresolvedSites(ctx, ['host'])) {
      const { site } = unresolved;
      const fqdn = toFqdn(namespace, site.value);
      const shown = fqdn && fqdn !== site.value ? `'${site.value}' (${fqdn})` : `'${site.value}'`;
      const hidden = hostEntriesIgnoringVisibility(ctx.index, namespace, site.value);
      const message = hidden.length
        ? `${site.rule.label} ${shown} is not exported to namespace '${namespace}': ${listText(hidden.map(describeEntry))} ${hidden.length > 1 ? 'are' : 'is'} not visible here`
        : `${site.rule.label} ${shown} matches no Service or ServiceEntry visible in namespace '${namespace}'`;
      const fixes: FindingFix[] = [];
      const suggestion = suggestHost(ctx.index, namespace, site.value);
      if (suggestion) fixes.push({ title: `Change to '${suggestion}'`, edits: [replaceValue(ctx, site.path, suggestion)], preferred: true });
      reportUnresolved(ctx, unresolved, message, fixes);
    }

    // A VirtualService exported only to some namespaces is applied there: the host must be visible there.
    const exportTo = exportTargets(ctx);
    // `~` hides the VirtualService: it applies nowhere, so nothing is broken anywhere.
    if (exportTo === '*' || !exportTo.some((ns) => ns !== '~')) return;
    for (const site of referenceSites(ctx.resource)) {
      if (site.rule.type !== 'host' || !resolveSite(site, ctx.index).targets.length) continue;
      const fqdn = toFqdn(namespace, site.value);
      if (exportTo.some((ns) => lookupHost(ctx.index, ns, fqdn).length > 0)) continue;
      ctx.report({
        path: site.path,
        message: `${site.rule.label} '${site.value}' is not visible in any namespace this VirtualService is exported to (${exportTo.join(', ')}): the route has no destination there`,
      });
    }
  },
);
