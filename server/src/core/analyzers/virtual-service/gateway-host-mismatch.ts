// A VirtualService bound to a Gateway that serves none of its hosts: the gateway never selects its
// routes, so they do nothing there.
import { hostsMatch, hostsVisibleTo, toFqdn } from '../../index/hosts';
import { findGateway, gatewayServerHosts, INTERNAL_GATEWAY_MARKER, listenerHostnames, MESH_GATEWAY, parseGatewayName } from '../../index/resolve-gateway';
import type { Resource } from '../../model/resource';
import { defineWorkspaceAnalyzer, type FindingFix, type WorkspaceContext } from '../framework';
import { appendToSequence, listText, qualifiedName, specOf, virtualServiceHosts, yamlScalar } from '../routing';

interface Mismatch {
  readonly detail: string;
  readonly fix?: FindingFix;
}

/** Why an Istio Gateway serves none of the hosts (undefined when it serves one). */
function istioGatewayMismatch(ctx: WorkspaceContext, gateway: Resource, hosts: readonly string[]): Mismatch | undefined {
  const servers = gatewayServerHosts(gateway);
  const label = `Gateway ${qualifiedName(gateway)}`;
  if (!servers.length) return { detail: `${label} has no servers` };
  const all = servers.flatMap((s) => s.hosts);
  const visible = hostsVisibleTo(all, ctx.resource.namespace);
  if (visible.some((g) => hosts.some((h) => hostsMatch(g.host, h)))) return undefined;
  const restricted = all.filter((g) => !visible.includes(g) && hosts.some((h) => hostsMatch(g.host, h)));
  const detail = restricted.length
    ? `${label} serves ${listText(restricted.map((g) => `'${g.raw}' only to namespace '${g.namespace}'`))}, not to '${ctx.resource.namespace}'`
    : `${label} serves ${all.length ? listText(all.map((g) => `'${g.raw}'`), 6) : 'no hosts'}`;
  // Add the first host to the first server, restricted to this namespace when the Gateway is elsewhere.
  const first = virtualServiceHosts(ctx.resource)[0]?.host;
  let fix: FindingFix | undefined;
  if (first) {
    const host = toFqdn(ctx.resource.namespace, first);
    const entry = gateway.namespace === ctx.resource.namespace ? host : `${ctx.resource.namespace}/${host}`;
    const edit = appendToSequence(gateway, ['spec', 'servers', servers[0].serverIndex, 'hosts'], yamlScalar(entry), gateway);
    if (edit) fix = { title: `Add host '${entry}' to ${label}`, edits: [edit] };
  }
  return { detail, fix };
}

function gatewayApiMismatch(gateway: Resource, hosts: readonly string[]): Mismatch | undefined {
  const names = listenerHostnames(gateway);
  const label = `Gateway API Gateway ${qualifiedName(gateway)}`;
  if (!names.length) return { detail: `${label} has no listeners` };
  if (names.some((n) => n === '' || hosts.some((h) => hostsMatch(n, h)))) return undefined;
  return { detail: `${label} listens for ${listText(names.map((n) => `'${n}'`), 6)}` };
}

export const gatewayHostMismatch = defineWorkspaceAnalyzer(
  {
    code: 'IY906',
    name: 'gateway-host-mismatch',
    severity: 'warning',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'None of the VirtualService hosts is served by a Gateway it is bound to.',
    istioctl: 'IST0132',
    fix: 'unsafe',
    docs: `## Why
A gateway uses a VirtualService only for the hosts its servers accept. Server hosts are matched with
wildcards (\`*.example.com\`, \`*\`) and their namespace part is honoured: \`ns/host\` only for
VirtualServices in \`ns\`, \`./host\` only for the Gateway's own namespace, \`*/host\` and \`host\` for all.
A Gateway API Gateway accepts a host when a listener has no \`hostname\` or a matching one. When no host
of the VirtualService is accepted, its routes never apply at that gateway. Short VirtualService hosts
match as written or expanded to the full name, as istiod expands them.

A Gateway that does not exist is reported by IY901 only.

## Example
\`\`\`yaml
kind: Gateway
metadata: { name: public, namespace: istio-system }
spec:
  servers:
  - hosts: ["./shop.example.com"]     # only for VirtualServices in istio-system
---
kind: VirtualService
metadata: { name: shop, namespace: shop }
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/public]
\`\`\`

## Fix
Add the first host of the VirtualService to the hosts of the Gateway's first server (as \`<namespace>/<host>\`
when the Gateway lives in another namespace, so that only this namespace may bind to it). Review which
server (port, TLS) should really serve it.`,
  },
  (ctx) => {
    const written = virtualServiceHosts(ctx.resource).map((h) => h.host);
    // A VirtualService without hosts is a delegate: gateways do not apply to it.
    if (!written.length) return;
    const hosts = [...new Set(written.flatMap((h) => [h, toFqdn(ctx.resource.namespace, h)]))];
    const gateways = specOf(ctx.resource).gateways;
    if (!Array.isArray(gateways)) return;
    gateways.forEach((value, i) => {
      if (typeof value !== 'string' || value === MESH_GATEWAY || value.includes(INTERNAL_GATEWAY_MARKER)) return;
      const gateway = findGateway(ctx.index, parseGatewayName(value, ctx.resource.namespace));
      if (!gateway) return;
      const mismatch = gateway.kind === 'Gateway' && gateway.istioKind ? istioGatewayMismatch(ctx, gateway, hosts) : gatewayApiMismatch(gateway, hosts);
      if (!mismatch) return;
      ctx.report({
        path: ['spec', 'gateways', i],
        message: `no host of this VirtualService (${listText(written)}) is served by gateway '${value}': ${mismatch.detail}`,
        fixes: mismatch.fix ? [mismatch.fix] : undefined,
        related: [{ resource: gateway, path: gateway.istioKind ? ['spec', 'servers'] : ['spec', 'listeners'], message: `servers of ${qualifiedName(gateway)}` }],
      });
    });
  },
);
