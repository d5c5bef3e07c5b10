// Each HTTP rule needs exactly one action (route, redirect or directResponse), and delegation has
// its own restrictions: a rule with `delegate` only delegates; a delegate VirtualService cannot delegate.
import { forEachHttpRule, specOf } from '../../istio/validation/virtual-service';
import { list } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer } from '../framework';

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export const invalidHttpRouteAction = defineAnalyzer(
  {
    code: 'IY107',
    name: 'invalid-http-route-action',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'An HTTP rule has no action or conflicting ones (route, redirect, directResponse, delegate).',
    istioctl: 'IST0106',
    docs: `## Why
An HTTP rule ends in exactly one action: forward (\`route\`), answer with a redirect (\`redirect\`) or answer directly (\`directResponse\`).
A redirect or direct response answers the request at the proxy, so \`route\`, \`fault\` and \`rewrite\` would never apply next to it; istiod rejects those combinations, and a rule with no action at all.
With delegation, a rule with \`delegate\` hands the request to another VirtualService and may not also \`route\` or \`redirect\`; a delegate VirtualService (one without \`hosts\`) may not delegate again.

## Example
\`\`\`yaml
http:
- redirect: {uri: /v2}
  route:                    # conflicts with redirect
  - destination: {host: reviews}
- match: [{uri: {prefix: /old}}]   # no route, redirect or directResponse
\`\`\`

## Fix
Keep one action per rule; split the rule in two when you need both behaviours for different matches.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    const delegateVirtualService = list(spec.hosts).length === 0;
    forEachHttpRule(spec, (rule, i) => {
      const at = (field: string): PathSegment[] => ['spec', 'http', i, field];
      const hasRoute = list(rule.route).length > 0;
      if (!delegateVirtualService && present(rule.delegate)) {
        if (present(rule.redirect)) ctx.report({ path: at('redirect'), target: 'key', message: "a rule with 'delegate' may not also set 'redirect'; the delegate VirtualService decides what happens" });
        if (present(rule.route)) ctx.report({ path: at('route'), target: 'key', message: "a rule with 'delegate' may not also set 'route'; the delegate VirtualService decides where requests go" });
        return;
      }
      if (delegateVirtualService && present(rule.delegate)) {
        ctx.report({ path: at('delegate'), target: 'key', message: "a delegate VirtualService (no hosts) cannot delegate again" });
      }
      if (present(rule.redirect)) {
        for (const other of ['route', 'fault', 'rewrite', 'directResponse'] as const) {
          const set = other === 'route' ? hasRoute : present(rule[other]);
          if (set) ctx.report({ path: at(other), target: 'key', message: `'${other}' cannot be combined with 'redirect' in one HTTP rule: the redirect answers the request at the proxy` });
        }
      } else if (present(rule.directResponse)) {
        for (const other of ['route', 'fault', 'rewrite'] as const) {
          const set = other === 'route' ? hasRoute : present(rule[other]);
          if (set) ctx.report({ path: at(other), target: 'key', message: `'${other}' cannot be combined with 'directResponse' in one HTTP rule: the direct response answers the request at the proxy` });
        }
      } else if (!hasRoute) {
        const name = typeof rule.name === 'string' && rule.name ? ` '${rule.name}'` : '';
        ctx.report({ path: ['spec', 'http', i], message: `HTTP rule${name} has no action: add 'route', 'redirect' or 'directResponse'` });
      }
    });
  },
);
