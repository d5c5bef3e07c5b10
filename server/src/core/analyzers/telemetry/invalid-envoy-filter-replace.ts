// REPLACE on an EnvoyFilter applyTo that does not support it.
import { defineAnalyzer } from '../framework';
import { patchInfos } from './relative-envoy-filter-operation';

export const invalidEnvoyFilterReplace = defineAnalyzer(
  {
    code: 'IY942',
    name: 'invalid-envoy-filter-replace',
    severity: 'error',
    category: 'workspace',
    inputs: ['EnvoyFilter'],
    summary: 'An EnvoyFilter patch uses REPLACE with an applyTo other than HTTP_FILTER, NETWORK_FILTER or VIRTUAL_HOST.',
    istioctl: 'IST0152',
    docs: `## Why
REPLACE swaps one existing HTTP filter, network filter or virtual host for the patch value. For other
kinds of object (listeners, filter chains, clusters, routes, …) istiod does not apply it; use MERGE to
change such an object, or REMOVE and ADD.

## Example
\`\`\`yaml
configPatches:
- applyTo: CLUSTER
  patch:
    operation: REPLACE      # not supported for clusters
    value: {name: lua_cluster, type: STRICT_DNS}
\`\`\``,
  },
  (ctx) => {
    for (const p of patchInfos(ctx.resource)) {
      if (p.misuse !== 'replace') continue;
      ctx.report({
        path: ['spec', 'configPatches', p.index, 'patch', 'operation'],
        message: `REPLACE only works for applyTo HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST, not ${p.applyTo || 'an unset applyTo'}; use MERGE to change this object`,
      });
    }
  },
);
