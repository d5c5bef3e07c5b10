// A mesh VirtualService for an external host that no ServiceEntry puts in the service registry: the
// sidecars have no listener of their own for it, so its routes apply only by accident, if at all.
import { expandPattern } from '../../index/field-paths';
import { hostTable, lookupHost } from '../../index/host-table';
import { isIpAddress } from '../../istio/validation/network';
import { appendDocument, replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix, type WorkspaceContext } from '../framework';
import { appliesToMesh, describeEntry, hasExplicitNamespace, hostEntriesIgnoringVisibility, listText, specOf, virtualServiceHosts, yamlScalar } from '../routing';

/** Hosts that are the cluster's own names rather than external ones. */
function isClusterLocal(host: string): boolean {
  return !host.includes('.') || host === '*' || host.endsWith('.cluster.local') || isIpAddress(host);
}

function serviceEntrySkeleton(ctx: WorkspaceContext, host: string): string {
  const spec = specOf(ctx.resource);
  const tcpPort = expandPattern(ctx.resource.value, 'spec.tcp[*].match[*].port').map((m) => m.value).find((p): p is number => typeof p === 'number');
  const [number, name, protocol] = Array.isArray(spec.tls) && spec.tls.length ? [443, 'tls', 'TLS'] : !Array.isArray(spec.http) && tcpPort ? [tcpPort, 'tcp', 'TCP'] : [80, 'http', 'HTTP'];
  const lines = ['apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', `  name: ${host.replace(/^\*\./, 'wildcard.').replace(/[^a-zA-Z0-9-]/g, '-').toLowerCase()}`];
  if (hasExplicitNamespace(ctx.resource)) lines.push(`  namespace: ${ctx.resource.namespace}`);
  lines.push('spec:', '  hosts:', `  - ${yamlScalar(host)}`, '  location: MESH_EXTERNAL', `  resolution: ${host.startsWith('*') ? 'NONE' : 'DNS'}`, '  ports:', `  - number: ${number}`, `    name: ${name}`, `    protocol: ${protocol}`, '');
  return lines.join('\n');
}

export const externalHostWithoutServiceEntry = defineWorkspaceAnalyzer(
  {
    code: 'IY913',
    name: 'external-host-without-service-entry',
    severity: 'warning',
    category: 'workspace',
    inputs: ['VirtualService'],
    summary: 'A VirtualService for sidecars routes an external host that no ServiceEntry defines.',
    fix: 'unsafe',
    docs: `## Why
Sidecars build their outbound listeners and routes from the service registry: Kubernetes Services and
ServiceEntries. A VirtualService bound to \`mesh\` (no \`gateways\`, or \`mesh\` among them) for an external
host such as \`api.example.com\` that no ServiceEntry defines has no listener of its own: its routes apply
only where another service happens to share the port with an HTTP listener; otherwise the traffic leaves
through the passthrough cluster without the routes (\`outboundTrafficPolicy: ALLOW_ANY\`) or is blocked
(\`REGISTRY_ONLY\`). Istio's documentation pairs such VirtualServices with a ServiceEntry. Cluster names
(short names, \`*.cluster.local\`), IP addresses and \`*\` are not checked; ServiceEntries count when they
are exported to the VirtualService's namespace, wildcard hosts included. A name such as \`reviews.prod\`
is external to istiod (it expands only short names), so it is reported with the Service it probably means.

When the workspace holds no ServiceEntry at all, they may be managed elsewhere and the finding is
information (setting \`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts: [api.example.com]     # no ServiceEntry for api.example.com
  http:
  - timeout: 3s
    route:
    - destination: {host: api.example.com}
\`\`\`

## Fix
Create a ServiceEntry for the host after the VirtualService (\`MESH_EXTERNAL\`, DNS resolution, or NONE for
a wildcard, with a port guessed from the routes: review it). For \`name.namespace\`, change the host to the
Service's full name.`,
  },
  (ctx) => {
    if (!appliesToMesh(ctx.resource)) return;
    const namespace = ctx.resource.namespace;
    const anyServiceEntry = ctx.index.has('ServiceEntry');
    for (const { host, index } of virtualServiceHosts(ctx.resource)) {
      if (isClusterLocal(host) || lookupHost(ctx.index, namespace, host).length) continue;
      const path = ['spec', 'hosts', index];
      // `reviews.prod`: the Service reviews in prod, which istiod does not expand to.
      const meant = hostTable(ctx.index).find((e) => e.resource.kind === 'Service' && e.host === `${host}.svc.cluster.local`);
      if (meant) {
        ctx.report({
          path,
          message: `host '${host}' is taken literally by istiod, not as ${describeEntry(meant)}: write ${meant.host}`,
          fixes: [{ title: `Change to '${meant.host}'`, edits: [replaceValue(ctx, path, meant.host)], preferred: true }],
        });
        continue;
      }
      const hidden = hostEntriesIgnoringVisibility(ctx.index, namespace, host).filter((e) => e.resource.kind === 'ServiceEntry');
      const why = hidden.length ? `${listText(hidden.map(describeEntry))} ${hidden.length > 1 ? 'are' : 'is'} not exported to namespace '${namespace}'` : 'no ServiceEntry defines it';
      const message = `external host '${host}' is not in the service registry (${why}): sidecars may send its traffic out without these routes, or block it with REGISTRY_ONLY`;
      const fixes: FindingFix[] = [{ title: `Create ServiceEntry for ${host}`, edits: [appendDocument(ctx.resource, serviceEntrySkeleton(ctx, host))] }];
      if (anyServiceEntry) ctx.report({ path, message, fixes });
      else if (ctx.options.unresolvedInIncompleteWorkspace !== 'off') {
        ctx.report({ path, message: `${message} (the workspace holds no ServiceEntries, so it may be defined elsewhere)`, severity: 'information', fixes });
      }
    }
  },
);
