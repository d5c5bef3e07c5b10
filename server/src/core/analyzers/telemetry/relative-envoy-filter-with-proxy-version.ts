// A relative EnvoyFilter patch on a filter that another patch only adds for some proxy versions: after
// an upgrade the filter it is placed against may be gone.
import { resourceLabel } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';
import { operationPath, relativePatches } from './relative-envoy-filter-operation';

export const relativeEnvoyFilterWithProxyVersion = defineWorkspaceAnalyzer(
  {
    code: 'IY945',
    name: 'relative-envoy-filter-with-proxy-version',
    severity: 'warning',
    category: 'workspace',
    inputs: ['EnvoyFilter'],
    summary: 'A relative EnvoyFilter patch without priority names a filter that an earlier patch matches by proxyVersion.',
    istioctl: 'IST0155',
    docs: `## Why
A patch with \`match.proxy.proxyVersion\` applies only to proxies of those versions. When another patch
(in the same EnvoyFilter or in one before it) is placed relative to the same filter (INSERT_BEFORE,
INSERT_AFTER, REPLACE, REMOVE) and its EnvoyFilter has no priority, the two are applied in an order
that depends on creation time, and after a proxy upgrade the version-pinned filter may no longer be
there to be placed against. Set \`spec.priority\`, and retest the EnvoyFilters on every upgrade.
Which patch counts as "earlier" follows workspace order, as istioctl's does follow its input order.

## Example
\`\`\`yaml
configPatches:
- applyTo: HTTP_FILTER
  match: {proxy: {proxyVersion: '^1\\.11.*'}}
  patch: {operation: INSERT_AFTER, value: {name: envoy.lua1}}
- applyTo: HTTP_FILTER
  patch: {operation: INSERT_AFTER, value: {name: envoy.lua1}}   # relative to a version-pinned filter
\`\`\``,
  },
  (ctx) => {
    for (const { patch, pinnedBy } of relativePatches(ctx.index, ctx.resource)) {
      if (!pinnedBy) continue;
      const where = pinnedBy.resource === ctx.resource ? `configPatches[${pinnedBy.index}]` : `${resourceLabel(pinnedBy.resource)} (configPatches[${pinnedBy.index}])`;
      ctx.report({
        path: operationPath(patch),
        message: `${patch.operation} '${patch.instanceName}' is placed relative to other filters without priority, and ${where} patches '${patch.instanceName}' only for some proxy versions: the result can change when proxies are upgraded; set spec.priority`,
        related: [{ resource: pinnedBy.resource, path: ['spec', 'configPatches', pinnedBy.index, 'match', 'proxy', 'proxyVersion'], message: `pins '${patch.instanceName}' to some proxy versions` }],
      });
    }
  },
);
