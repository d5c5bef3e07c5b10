// ADD on route configurations and HTTP routes, which istiod ignores.
import { defineAnalyzer } from '../framework';
import { patchInfos } from './relative-envoy-filter-operation';

export const ignoredEnvoyFilterAdd = defineAnalyzer(
  {
    code: 'IY943',
    name: 'ignored-envoy-filter-add',
    severity: 'error',
    category: 'workspace',
    inputs: ['EnvoyFilter'],
    summary: 'An EnvoyFilter patch uses ADD with applyTo ROUTE_CONFIGURATION or HTTP_ROUTE, which istiod ignores.',
    istioctl: 'IST0153',
    docs: `## Why
Route configurations and HTTP routes cannot be added by an EnvoyFilter patch: istiod ignores ADD for
them. Change an existing route configuration with MERGE, and add routes to a virtual host with
INSERT_FIRST, INSERT_BEFORE or INSERT_AFTER on HTTP_ROUTE.

## Example
\`\`\`yaml
configPatches:
- applyTo: ROUTE_CONFIGURATION
  patch:
    operation: ADD        # ignored
    value: {...}
\`\`\``,
  },
  (ctx) => {
    for (const p of patchInfos(ctx.resource)) {
      if (p.misuse !== 'add') continue;
      const instead = p.applyTo === 'HTTP_ROUTE' ? 'INSERT_FIRST, INSERT_BEFORE or INSERT_AFTER' : 'MERGE';
      ctx.report({
        path: ['spec', 'configPatches', p.index, 'patch', 'operation'],
        message: `istiod ignores ADD for applyTo ${p.applyTo}; use ${instead}`,
      });
    }
  },
);
