// VirtualService hosts must be (wildcard) domain names or IP addresses, and `*` cannot apply to the mesh.
import { gatewayVirtualHostProblem, wildcardDomainProblem } from '../../istio/validation/dns';
import { isIpAddress } from '../../istio/validation/network';
import { appliesOnlyToGateways, hasSniHosts, specOf } from '../../istio/validation/virtual-service';
import { list } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidVirtualServiceHost = defineAnalyzer(
  {
    code: 'IY102',
    name: 'invalid-virtual-service-host',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A VirtualService host is not a valid domain name or IP address, or is `*` for mesh traffic.',
    istioctl: 'IST0106',
    docs: `## Why
Each entry of \`hosts\` must be a DNS name (the first label may be a wildcard such as \`*.example.com\`) or an IP address.
The catch-all \`*\` is only accepted for VirtualServices bound to gateways: sidecars cannot route "every host in the world".
For gateway-bound VirtualServices with TLS SNI matches, the AUTO_PASSTHROUGH form \`outbound_.<port>_._.<host>\` is accepted too.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts:
  - "*"              # not allowed without gateways (or with 'mesh' in gateways)
  - reviews_v2       # '_' is not allowed in a DNS name
\`\`\`

## Fix
Use fully qualified service names (\`reviews.prod.svc.cluster.local\`) or short names made of letters, digits and dashes; bind catch-all hosts to a gateway.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    const toGateway = appliesOnlyToGateways(spec);
    const sni = toGateway && hasSniHosts(spec);
    list(spec.hosts).forEach((host, i) => {
      if (typeof host !== 'string') return;
      const problem = toGateway ? gatewayVirtualHostProblem(sni, host) : wildcardDomainProblem(host);
      if (problem) {
        if (!isIpAddress(host)) ctx.report({ path: ['spec', 'hosts', i], message: `invalid host: ${problem}` });
      } else if (!toGateway && host === '*') {
        ctx.report({
          path: ['spec', 'hosts', i],
          message: "host '*' is not allowed for a VirtualService that applies to the mesh; bind it to gateways (without 'mesh') or name the hosts",
        });
      }
    });
  },
);
