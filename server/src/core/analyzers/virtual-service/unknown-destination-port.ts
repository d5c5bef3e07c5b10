// A destination port that the destination Service or ServiceEntry does not expose: the cluster
// `outbound|<port>||<host>` does not exist, so requests fail with 503 (no cluster).
import { lookupHost } from '../../index/host-table';
import { siblingHost } from '../../index/resolve-destination';
import { closestMatch } from '../../text/suggest';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { unresolvedSites } from '../reference-findings';
import { describeEntry, listText, mostSpecific, portNumbers } from '../routing';

export const unknownDestinationPort = defineWorkspaceAnalyzer(
  {
    code: 'IY904',
    name: 'unknown-destination-port',
    severity: 'error',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'A destination port number is not a port of the destination Service or ServiceEntry.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
\`destination.port.number\` selects one port of the destination host, as declared by its Service
(\`spec.ports[].port\`, not the \`targetPort\`) or ServiceEntry (\`spec.ports[].number\`). Istio builds one
cluster per declared port; a route to any other port has no cluster and fails with 503. Checked only
when the host resolves (an unknown host is reported by IY902).

## Example
\`\`\`yaml
kind: VirtualService
spec:
  http:
  - route:
    - destination:
        host: reviews       # Service reviews declares port 9080
        port:
          number: 8080      # the container's port, not the Service's
\`\`\`

## Fix
Change to a port of the destination (the only one, or one per declared port; the closest is preferred).`,
  },
  (ctx) => {
    for (const { site, resolution } of unresolvedSites(ctx, ['port'])) {
      // Undecidable means the host is unknown: that is IY902's finding.
      if (!resolution.decidable) continue;
      const host = siblingHost(site);
      if (!host) continue;
      const entries = mostSpecific(lookupHost(ctx.index, ctx.resource.namespace, host));
      const ports = portNumbers(entries);
      const owners = listText(entries.map(describeEntry));
      const message = ports.length
        ? `port ${site.value} is not a port of ${owners} (ports: ${listText(ports.map(String), 8)})`
        : `port ${site.value} is not a port of ${owners}, which declares no ports`;
      const closest = ports.length === 1 ? String(ports[0]) : closestMatch(site.value, ports.map(String));
      const fixes: FindingFix[] = ports.slice(0, 6).map((p) => ({
        title: `Change port to ${p}`,
        edits: [replaceValue(ctx, site.path, String(p))],
        preferred: String(p) === closest,
      }));
      ctx.report({
        path: site.path,
        message,
        fixes,
        related: entries.map((e) => ({ resource: e.resource, path: e.ports.length ? ['spec', 'ports'] : e.path, message: `ports of ${describeEntry(e)}` })),
      });
    }
  },
);
