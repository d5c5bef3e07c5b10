// Two hosts of one VirtualService overlap (wildcard-aware), so its routes would be configured twice.
import { gatewayVirtualHostProblem, hostsOverlap, wildcardDomainProblem } from '../../istio/validation/dns';
import { isIpAddress } from '../../istio/validation/network';
import { appliesOnlyToGateways, hasSniHosts, specOf } from '../../istio/validation/virtual-service';
import { list } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const duplicateVirtualServiceHost = defineAnalyzer(
  {
    code: 'IY103',
    name: 'duplicate-virtual-service-host',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'Two hosts of the same VirtualService overlap, literally or through a wildcard.',
    istioctl: 'IST0106',
    docs: `## Why
istiod rejects a VirtualService whose hosts overlap: \`a.example.com\` and \`*.example.com\` (or the same name twice) would produce two virtual hosts for the same name.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts:
  - "*.example.com"
  - api.example.com   # already covered by *.example.com
\`\`\`

## Fix
Keep only the broader host, or split the routes into separate VirtualServices.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    const hosts = list(spec.hosts);
    const toGateway = appliesOnlyToGateways(spec);
    const sni = toGateway && hasSniHosts(spec);
    // Istio compares hosts only when all of them are valid; invalid hosts are reported by IY102.
    for (const host of hosts) {
      if (typeof host !== 'string') return;
      const problem = toGateway ? gatewayVirtualHostProblem(sni, host) : wildcardDomainProblem(host);
      if (problem ? !isIpAddress(host) : !toGateway && host === '*') return;
    }
    for (let j = 1; j < hosts.length; j++) {
      for (let i = 0; i < j; i++) {
        if (hostsOverlap(hosts[i] as string, hosts[j] as string)) {
          ctx.report({ path: ['spec', 'hosts', j], message: `host '${String(hosts[j])}' overlaps with host '${String(hosts[i])}' of the same VirtualService` });
          break;
        }
      }
    }
  },
);
