// TLS and TCP routes istiod rejects: TLS routes without matches or SNI hosts, SNI hosts outside the
// VirtualService hosts, and routes without destinations.
import { sniHostFindings } from '../../istio/validation/tls-route';
import { specOf } from '../../istio/validation/virtual-service';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidTlsRoute = defineAnalyzer(
  {
    code: 'IY123',
    name: 'invalid-tls-route',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A TLS or TCP route has no destination, or a TLS route has no SNI match or an SNI host outside the VirtualService hosts.',
    istioctl: 'IST0106',
    docs: `## Why
TLS routes select connections by SNI: each needs at least one \`match\`, each match at least one \`sniHosts\` entry, and every SNI host must be one of the VirtualService's \`hosts\` (or covered by a wildcard host).
TLS and TCP routes forward connections, so each needs a \`route\` with at least one destination.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts: [api.example.com]
  tls:
  - match:
    - sniHosts: [www.example.com]   # not among the hosts
    route:
    - destination: {host: api}
  tcp:
  - match: [{port: 27017}]          # no route
\`\`\`

## Fix
Add the SNI host to \`hosts\` (or use a wildcard host), and give every TLS and TCP rule a \`route\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.tls).forEach((item, i) => {
      const route = obj(item);
      if (!route) return;
      if (Array.isArray(route.match) && route.match.length === 0) {
        ctx.report({ path: ['spec', 'tls', i, 'match'], target: 'key', message: 'a TLS route needs at least one match with sniHosts' });
      }
      list(route.match).forEach((m, j) => {
        const sni = obj(m)?.sniHosts;
        if (Array.isArray(sni) && sni.length === 0) {
          ctx.report({ path: ['spec', 'tls', i, 'match', j, 'sniHosts'], target: 'key', message: 'a TLS match needs at least one SNI host' });
        }
      });
      if (list(route.route).length === 0) ctx.report({ path: Array.isArray(route.route) ? ['spec', 'tls', i, 'route'] : ['spec', 'tls', i], target: 'key', message: 'a TLS rule needs a route with at least one destination' });
    });
    list(spec.tcp).forEach((item, i) => {
      const route = obj(item);
      if (!route) return;
      if (list(route.route).length === 0) ctx.report({ path: Array.isArray(route.route) ? ['spec', 'tcp', i, 'route'] : ['spec', 'tcp', i], target: 'key', message: 'a TCP rule needs a route with at least one destination' });
    });
    for (const f of sniHostFindings(spec)) if (f.level === 'error') ctx.report({ path: f.path, message: f.message });
  },
);
