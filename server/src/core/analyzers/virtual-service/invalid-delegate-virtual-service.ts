// A VirtualService without hosts is a delegate: it may not bind gateways or carry TLS or TCP routes.
import { list } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidDelegateVirtualService = defineAnalyzer(
  {
    code: 'IY101',
    name: 'invalid-delegate-virtual-service',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A VirtualService without hosts is a delegate and may not set gateways, tls or tcp.',
    istioctl: 'IST0106',
    docs: `## Why
Istio treats a VirtualService with no \`hosts\` as a delegate: a root VirtualService hands some of its HTTP routes to it.
Delegates inherit hosts and gateways from the root, and delegation only exists for HTTP, so istiod rejects a delegate that names gateways or has \`tls\` or \`tcp\` routes.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  gateways: [public-gw]   # not allowed without hosts
  http:
  - route:
    - destination: {host: reviews}
\`\`\`

## Fix
Add the \`hosts\` the VirtualService serves, or, for a real delegate, remove \`gateways\`, \`tls\` and \`tcp\` and bind them in the root VirtualService.`,
  },
  (ctx) => {
    const spec = ctx.resource.value.spec;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const s = spec as Record<string, unknown>;
    if (list(s.hosts).length > 0) return;
    const fields: [string, string][] = [
      ['gateways', 'a delegate VirtualService (no hosts) may not set gateways; the root VirtualService binds them'],
      ['tls', 'a delegate VirtualService (no hosts) may not have tls routes; only HTTP routes can be delegated'],
      ['tcp', 'a delegate VirtualService (no hosts) may not have tcp routes; only HTTP routes can be delegated'],
    ];
    for (const [field, message] of fields) {
      if (list(s[field]).length > 0) ctx.report({ path: ['spec', field], target: 'key', message });
    }
  },
);
