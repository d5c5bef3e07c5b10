// EnvoyFilter matches that istiod accepts with a warning: filter matches that have no effect, deprecated
// filter names, and very long proxyVersion regexes.
import { envoyFilterFindings } from '../../istio/validation/envoy-filter';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const ineffectiveEnvoyFilterMatch = defineAnalyzer(
  {
    code: 'IY606',
    name: 'ineffective-envoy-filter-match',
    severity: 'warning',
    category: 'admission',
    inputs: ['EnvoyFilter'],
    summary: 'An EnvoyFilter match uses a filter match that has no effect, a deprecated filter name, or a very long proxyVersion regex.',
    istioctl: 'IST0133',
    docs: `## Why
A \`filterChain.filter\` match selects a filter inside a chain, which means nothing when patching a whole LISTENER or FILTER_CHAIN.
Old filter names such as \`envoy.http_connection_manager\` or \`envoy.router\` are deprecated in favour of \`envoy.filters.network.http_connection_manager\` and \`envoy.filters.http.router\`.

## Example
\`\`\`yaml
- applyTo: NETWORK_FILTER
  match:
    listener:
      filterChain:
        filter:
          name: envoy.http_connection_manager   # deprecated name
\`\`\`

## Fix
Use the canonical filter names, and drop filter matches from LISTENER and FILTER_CHAIN patches.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const f of envoyFilterFindings(spec)) if (f.level === 'warning') ctx.report({ path: f.path, target: f.target, message: f.message });
  },
);
