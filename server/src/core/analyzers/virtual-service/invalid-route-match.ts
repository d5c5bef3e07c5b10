// Match attributes istiod rejects in http, tcp and tls matches: ports outside 1–65535, source
// namespaces that are not DNS labels, and destination subnets that are not IPs or CIDR blocks.
import { isDns1123Label } from '../../istio/validation/dns';
import { isValidPort, subnetProblem } from '../../istio/validation/network';
import { specOf } from '../../istio/validation/virtual-service';
import { list, num, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidRouteMatch = defineAnalyzer(
  {
    code: 'IY125',
    name: 'invalid-route-match',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A route match has a port outside 1–65535, an invalid sourceNamespace, or a destination subnet that is not an IP or CIDR.',
    istioctl: 'IST0106',
    docs: `## Why
\`port\` selects the port the request or connection arrived on and must lie in 1–65535.
\`sourceNamespace\` is a namespace name (a DNS label), and \`destinationSubnets\` (TCP and TLS) are IP addresses or CIDR blocks such as \`10.0.0.0/16\`.

## Example
\`\`\`yaml
tcp:
- match:
  - port: 70000                       # above 65535
    destinationSubnets: [10.0.0.0/33] # not a CIDR block
\`\`\`

## Fix
Correct the values; label selectors on the source workload go in \`sourceLabels\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const section of ['http', 'tcp', 'tls'] as const) {
      list(spec[section]).forEach((item, i) => {
        list(obj(item)?.match).forEach((m, j) => {
          const match = obj(m);
          if (!match) return;
          const at = ['spec', section, i, 'match', j];
          const port = num(match.port);
          if (port !== undefined && port !== 0 && !isValidPort(port)) ctx.report({ path: [...at, 'port'], message: `port ${port} is not within 1–65535` });
          if (section === 'http') {
            // Istio checks sourceNamespace on HTTP matches only.
            const ns = match.sourceNamespace;
            if (typeof ns === 'string' && ns !== '' && !isDns1123Label(ns)) ctx.report({ path: [...at, 'sourceNamespace'], message: `sourceNamespace '${ns}' is not a valid namespace name` });
            return;
          }
          list(match.destinationSubnets).forEach((subnet, k) => {
            if (typeof subnet !== 'string') return;
            const problem = subnetProblem(subnet);
            if (problem) ctx.report({ path: [...at, 'destinationSubnets', k], message: problem });
          });
        });
      });
    }
  },
);
