// A VirtualService bound to a Gateway that does not exist: it routes nothing for that gateway.
import { GATEWAY_API_GATEWAY } from '../../index/kind-key';
import { parseGatewayName } from '../../index/resolve-gateway';
import { isObject } from '../../model/resource';
import { closestMatch } from '../../text/suggest';
import { appendDocument, replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix, type WorkspaceContext } from '../framework';
import { reportUnresolved, unresolvedSites } from '../reference-findings';

/** How a VirtualService in `vsNamespace` writes a reference to a gateway. */
export function gatewayReferenceText(vsNamespace: string, gateway: { namespace: string; name: string }): string {
  return gateway.namespace === vsNamespace ? gateway.name : `${gateway.namespace}/${gateway.name}`;
}

function vsHosts(ctx: WorkspaceContext): string[] {
  const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
  return Array.isArray(spec.hosts) ? spec.hosts.filter((h): h is string => typeof h === 'string' && !!h) : [];
}

function gatewaySkeleton(namespace: string, name: string, hosts: readonly string[]): string {
  const hostLines = (hosts.length ? hosts : ['"*"']).map((h) => `    - ${/^[\w.*-]+$/.test(h) && !h.startsWith('*') ? h : JSON.stringify(h)}`);
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  selector:',
    '    istio: ingressgateway',
    '  servers:',
    '  - port:',
    '      number: 80',
    '      name: http',
    '      protocol: HTTP',
    '    hosts:',
    ...hostLines,
    '',
  ].join('\n');
}

export const unknownGateway = defineWorkspaceAnalyzer(
  {
    code: 'IY901',
    name: 'unknown-gateway',
    severity: 'error',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'A VirtualService names a Gateway that does not exist in the workspace.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A VirtualService applies only to the gateways it names in \`gateways\` (and to sidecars for \`mesh\`).
A name that matches no Gateway binds the routes to nothing: traffic through the intended gateway gets
no route (404), silently. Names resolve as istiod resolves them: \`name\` and \`./name\` in the
VirtualService's namespace, \`namespace/name\`, and the legacy \`name.namespace.svc.cluster.local\`.
Gateway API Gateways count too.

When the workspace holds no Gateway at all, the Gateway probably lives in another repository, and the
finding is information (setting \`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: VirtualService
metadata: { name: reviews, namespace: bookinfo }
spec:
  gateways:
  - bookinfo-gatway      # no Gateway bookinfo/bookinfo-gatway; did you mean bookinfo-gateway?
\`\`\`

## Fix
Pick the closest existing Gateway name, or create the Gateway (an HTTP server on port 80 for the
VirtualService's hosts, selecting \`istio: ingressgateway\`; review it before applying).`,
  },
  (ctx) => {
    const gateways = [...ctx.index.all('Gateway'), ...ctx.index.all(GATEWAY_API_GATEWAY)];
    for (const unresolved of unresolvedSites(ctx, ['gateway'])) {
      const { site } = unresolved;
      const ref = parseGatewayName(site.value, ctx.resource.namespace);
      const candidates = gateways.map((g) => gatewayReferenceText(ctx.resource.namespace, g));
      const fixes: FindingFix[] = [];
      const closest = closestMatch(site.value, candidates);
      if (closest) fixes.push({ title: `Change to '${closest}'`, edits: [replaceValue(ctx, site.path, closest)], preferred: true });
      // A Gateway with the same name in another namespace: the reference probably lacks its namespace.
      for (const g of gateways) {
        if (g.name === ref.name && g.namespace !== ref.namespace) {
          const qualified = `${g.namespace}/${g.name}`;
          if (qualified !== closest) fixes.push({ title: `Change to '${qualified}'`, edits: [replaceValue(ctx, site.path, qualified)] });
        }
      }
      if (ref.name) fixes.push({ title: `Create Gateway ${ref.namespace}/${ref.name}`, edits: [appendDocument(ctx.resource, gatewaySkeleton(ref.namespace, ref.name, vsHosts(ctx)))] });
      const where = ref.namespace ? ` in namespace '${ref.namespace}'` : '';
      reportUnresolved(ctx, unresolved, `Gateway '${site.value}' not found: no Gateway named '${ref.name}'${where}`, fixes);
    }
  },
);
