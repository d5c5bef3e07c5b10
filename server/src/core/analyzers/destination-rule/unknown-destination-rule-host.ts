// A DestinationRule whose host is no Service or ServiceEntry it can see: its policies apply to nothing.
import { resolveExportTo } from '../../index/host-table';
import { toFqdn } from '../../index/hosts';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { reportUnresolved, unresolvedSites } from '../reference-findings';
import { describeEntry, hostEntriesIgnoringVisibility, listText, specOf, stringList, suggestHost } from '../routing';

export const unknownDestinationRuleHost = defineWorkspaceAnalyzer(
  {
    code: 'IY914',
    name: 'unknown-destination-rule-host',
    severity: 'warning',
    category: 'reference',
    inputs: ['DestinationRule'],
    summary: 'A DestinationRule host is no Service or ServiceEntry visible to the DestinationRule.',
    istioctl: 'IST0174',
    fix: 'unsafe',
    docs: `## Why
A DestinationRule configures the traffic to the services of its \`host\`. A host that matches no
Kubernetes Service and no ServiceEntry host visible in the DestinationRule's namespace configures
nothing: its load balancing, TLS and subsets are silently unused (and routes to its subsets fail). The
host resolves as istiod resolves it: a short name expands in the DestinationRule's namespace, a name with
a dot is taken literally, a wildcard host (\`*.example.com\`) resolves when any service matches it, and a
Service or ServiceEntry must be visible where the DestinationRule applies: in its namespace, or in a
namespace both are exported to (a DestinationRule in the root namespace for a Service exported only to
its own namespace still configures the clients there).

When the workspace holds no Service and no ServiceEntry at all, the finding is information (setting
\`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: DestinationRule
metadata: { name: reviews, namespace: bookinfo }
spec:
  host: reveiws.bookinfo.svc.cluster.local    # typo: no such Service
\`\`\`

## Fix
Change the host to the closest existing one (the short name for a Service of the DestinationRule's
namespace, else the full name).`,
  },
  (ctx) => {
    const namespace = ctx.resource.namespace;
    const exportTo = resolveExportTo(stringList(specOf(ctx.resource).exportTo), namespace);
    for (const unresolved of unresolvedSites(ctx, ['host'])) {
      const { site } = unresolved;
      const fqdn = toFqdn(namespace, site.value);
      const shown = fqdn !== site.value ? `'${site.value}' (${fqdn})` : `'${site.value}'`;
      const hidden = hostEntriesIgnoringVisibility(ctx.index, namespace, site.value);
      // The rule applies wherever it is exported: a service visible in one of those namespaces is configured there.
      if (hidden.some((e) => exportTo === '*' || e.exportTo === '*' || exportTo.some((ns) => e.exportTo.includes(ns)))) continue;
      const message = hidden.length
        ? `host ${shown} is not exported to namespace '${namespace}': ${listText(hidden.map(describeEntry))} ${hidden.length > 1 ? 'are' : 'is'} not visible here, so this DestinationRule applies to nothing`
        : `host ${shown} matches no Service or ServiceEntry visible in namespace '${namespace}': this DestinationRule applies to nothing`;
      const suggestion = suggestHost(ctx.index, namespace, site.value);
      const fixes: FindingFix[] = suggestion ? [{ title: `Change to '${suggestion}'`, edits: [replaceValue(ctx, site.path, suggestion)], preferred: true }] : [];
      reportUnresolved(ctx, unresolved, message, fixes);
    }
  },
);
