// REMOVE on route configurations and HTTP routes, which istiod ignores.
import { defineAnalyzer } from '../framework';
import { patchInfos } from './relative-envoy-filter-operation';

export const ignoredEnvoyFilterRemove = defineAnalyzer(
  {
    code: 'IY944',
    name: 'ignored-envoy-filter-remove',
    severity: 'error',
    category: 'workspace',
    inputs: ['EnvoyFilter'],
    summary: 'An EnvoyFilter patch uses REMOVE with applyTo ROUTE_CONFIGURATION or HTTP_ROUTE, which istiod ignores.',
    istioctl: 'IST0154',
    docs: `## Why
An EnvoyFilter cannot remove a whole route configuration or an HTTP route: istiod ignores REMOVE for
them, so the route stays. Change what the route does with MERGE instead, or route the traffic
elsewhere with a VirtualService.

## Example
\`\`\`yaml
configPatches:
- applyTo: HTTP_ROUTE
  match:
    routeConfiguration: {vhost: {name: "inbound|http|9080"}}
  patch:
    operation: REMOVE       # ignored
\`\`\``,
  },
  (ctx) => {
    for (const p of patchInfos(ctx.resource)) {
      if (p.misuse !== 'remove') continue;
      ctx.report({
        path: ['spec', 'configPatches', p.index, 'patch', 'operation'],
        message: `istiod ignores REMOVE for applyTo ${p.applyTo}; change the route with MERGE instead`,
      });
    }
  },
);
