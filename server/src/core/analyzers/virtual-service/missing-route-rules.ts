// A VirtualService must have at least one of http, tcp or tls routes.
import { specOf } from '../../istio/validation/virtual-service';
import { list } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const missingRouteRules = defineAnalyzer(
  {
    code: 'IY104',
    name: 'missing-route-rules',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A VirtualService has none of `http`, `tcp` or `tls` routes.',
    istioctl: 'IST0106',
    docs: `## Why
A VirtualService only exists to route traffic; istiod rejects one without any \`http\`, \`tcp\` or \`tls\` route.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts: [reviews]   # no http, tcp or tls
\`\`\`

## Fix
Add the routes, or delete the VirtualService if the default routing is what you want.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    // A field of the wrong type is a schema error; do not add a second, confusing report.
    const fields = [spec.http, spec.tcp, spec.tls];
    if (fields.some((f) => f !== undefined && f !== null && !Array.isArray(f))) return;
    if (list(spec.http).length || list(spec.tcp).length || list(spec.tls).length) return;
    ctx.report({ path: ['spec'], target: 'key', message: 'the VirtualService has no routes: add at least one of http, tcp or tls' });
  },
);
